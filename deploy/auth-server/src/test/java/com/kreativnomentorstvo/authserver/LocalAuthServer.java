package com.kreativnomentorstvo.authserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server with the demo personas on a random port, with an issuer that is not the address it listens on
 * (as behind a proxy), its key kept under {@code target/} and its accounts in the shared store. Every class using it
 * shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.authorizationserver.issuer=" + LocalAuthServer.ISSUER,
				"mentoring.auth.signing-key.file=target/it/jwk.json", "spring.mongodb.database=accounts-demo",
				"mentoring.auth.passwords.bcrypt-strength=4",
				"mentoring.auth.personas.file=classpath:personas.yml",
				"mentoring.auth.pages.public-url=" + LocalAuthServer.PUBLIC_URL })
@ContextConfiguration(initializers = SharedStore.class)
public @interface LocalAuthServer {

	String ISSUER = "http://auth.mentoring.test";

	String AUDIENCE = "mentoring-api";

	String PUBLIC_URL = "http://mentoring.test";

}
