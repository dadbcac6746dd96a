package com.kreativnomentorstvo.web;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The platform's web application: the pages coordinators, mentors and mentees use in a browser. It
 * holds no data of its own; every page is made from the services' API, called through the gateway
 * with the signed-in person's token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebApplication.class, args);
	}

	/** What time it is, for what a page offers once a moment has passed (a test may hold it still). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
