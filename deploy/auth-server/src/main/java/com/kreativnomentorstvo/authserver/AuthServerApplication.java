package com.kreativnomentorstvo.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Local development OAuth2/OIDC authorization server: issues the platform's access tokens for the demo
 * personas of {@code deploy/demo-personas.md}, by {@code client_credentials} (one curl) or by browser login.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuthServerApplication.class, args);
	}

}
