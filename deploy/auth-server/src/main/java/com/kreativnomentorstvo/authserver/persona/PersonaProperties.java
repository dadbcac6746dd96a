package com.kreativnomentorstvo.authserver.persona;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the demo personas come from, if anywhere.
 *
 * @param file a {@code classpath:} or {@code file:} location, or a plain file path ({@code PERSONAS_FILE}); without
 *     it there are no personas, as on a real instance
 */
@ConfigurationProperties("mentoring.auth.personas")
record PersonaProperties(@Nullable String file) {

	PersonaProperties {
		file = StringUtils.hasText(file) ? file.strip() : null;
	}

	boolean demo() {
		return file != null;
	}

}
