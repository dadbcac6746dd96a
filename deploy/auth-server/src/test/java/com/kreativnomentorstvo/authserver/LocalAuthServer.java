package com.kreativnomentorstvo.authserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port, with an issuer that is not the address it listens on (as behind a proxy),
 * and its key kept under {@code target/}. Every class using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.authorizationserver.issuer=" + LocalAuthServer.ISSUER,
				"mentoring.auth.signing-key.file=target/it/jwk.json" })
public @interface LocalAuthServer {

	String ISSUER = "http://auth.mentoring.test";

	String AUDIENCE = "mentoring-api";

}
