package com.kreativnomentorstvo.participants;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * participant-service: the network's organisations, their programmes, and the mentors and mentees
 * enrolled in them, with their consent and their right to have their data exported or erased.
 */
@SpringBootApplication
public class ParticipantServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ParticipantServiceApplication.class, args);
	}

}
