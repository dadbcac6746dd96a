package com.kreativnomentorstvo.authserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The server as a real instance runs it: no {@code PERSONAS_FILE}, a bootstrap administrator, its own database in
 * the shared store. Every class using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.authorizationserver.issuer=" + LocalAuthServer.ISSUER,
				"mentoring.auth.signing-key.file=target/it/jwk.json", "spring.mongodb.database=accounts-real",
				"mentoring.auth.passwords.bcrypt-strength=4",
				"mentoring.auth.personas.file=",
				"mentoring.auth.bootstrap-admin.email=" + RealInstance.ADMIN_EMAIL,
				"mentoring.auth.bootstrap-admin.password=" + RealInstance.ADMIN_PASSWORD,
				"mentoring.auth.bootstrap-admin.organisation=" + RealInstance.ADMIN_ORG })
@ContextConfiguration(initializers = SharedStore.class)
public @interface RealInstance {

	String ADMIN_EMAIL = "Root@Platform.example";

	String ADMIN_PASSWORD = "first-admin-password";

	String ADMIN_ORG = "org-platform-operators";

}
