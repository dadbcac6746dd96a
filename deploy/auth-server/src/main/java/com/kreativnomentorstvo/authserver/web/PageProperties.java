package com.kreativnomentorstvo.authserver.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Where this server's pages lead.
 *
 * @param publicUrl the platform's public address ({@code PUBLIC_URL}), whose {@code /account/reset} page sends a
 *     password-reset link
 */
@ConfigurationProperties("mentoring.auth.pages")
record PageProperties(String publicUrl) {

	PageProperties {
		Assert.hasText(publicUrl, "mentoring.auth.pages.public-url (PUBLIC_URL) must not be empty");
		publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	String passwordReset() {
		return publicUrl + "/account/reset";
	}

}
