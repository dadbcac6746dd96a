package com.kreativnomentorstvo.authserver.client;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The public browser client {@value RegisteredClients#WEB_CLIENT_ID}.
 *
 * @param redirectUris where the authorization code may be sent ({@code WEB_CLIENT_REDIRECT_URIS}, comma separated)
 */
@ConfigurationProperties("mentoring.auth.web-client")
record WebClientProperties(List<String> redirectUris) {

	WebClientProperties {
		Assert.notEmpty(redirectUris, "mentoring.auth.web-client.redirect-uris must name at least one URI");
		redirectUris = List.copyOf(redirectUris);
	}

}
