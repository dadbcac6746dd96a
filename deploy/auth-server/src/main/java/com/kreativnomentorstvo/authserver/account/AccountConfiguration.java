package com.kreativnomentorstvo.authserver.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How passwords and client secrets are hashed: bcrypt, in the {@code {id}hash} form that names the algorithm. A demo
 * persona's file may also give {@code {noop}} plain text or a {@code {pbkdf2@SpringSecurity_v5_8}} hash.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	@SuppressWarnings("deprecation") // NoOpPasswordEncoder: only for the demo personas' plain "demo" client secrets
	PasswordEncoder passwordEncoder(PasswordProperties properties) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength()), "noop",
						NoOpPasswordEncoder.getInstance(), "pbkdf2@SpringSecurity_v5_8",
						Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

}
