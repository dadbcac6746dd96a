package com.kreativnomentorstvo.authserver.key;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Where the signing key is kept.
 *
 * @param file the JWK set file, created on first start ({@code AUTH_KEY_FILE}); relative to the working directory
 */
@ConfigurationProperties("mentoring.auth.signing-key")
record SigningKeyProperties(Path file) {

	SigningKeyProperties {
		Assert.notNull(file, "mentoring.auth.signing-key.file (AUTH_KEY_FILE) must name a file");
	}

}
