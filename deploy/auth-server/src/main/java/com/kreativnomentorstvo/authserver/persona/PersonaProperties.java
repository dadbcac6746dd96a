package com.kreativnomentorstvo.authserver.persona;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Where the personas come from.
 *
 * @param file a {@code classpath:} or {@code file:} location, or a plain file path ({@code PERSONAS_FILE})
 */
@ConfigurationProperties("mentoring.auth.personas")
record PersonaProperties(String file) {

	PersonaProperties {
		Assert.hasText(file, "mentoring.auth.personas.file (PERSONAS_FILE) must name a personas file");
	}

}
