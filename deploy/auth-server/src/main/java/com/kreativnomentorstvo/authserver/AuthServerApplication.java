package com.kreativnomentorstvo.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's own OAuth2/OIDC authorization server and identity provider: people's accounts in MongoDB, managed
 * by participant-service through the admin API, signing in with e-mail address and password; integrations' clients;
 * and, with demo data, the personas of {@code deploy/demo-personas.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuthServerApplication.class, args);
	}

}
