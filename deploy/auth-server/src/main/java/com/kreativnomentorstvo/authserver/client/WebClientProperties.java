package com.kreativnomentorstvo.authserver.client;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The public browser client {@value RegisteredClients#WEB_CLIENT_ID}.
 *
 * @param redirectUris where the authorization code may be sent ({@code WEB_CLIENT_REDIRECT_URIS}, comma separated)
 * @param postLogoutRedirectUris where a person may be sent after signing out of the web application
 * ({@code WEB_CLIENT_POST_LOGOUT_REDIRECT_URIS}, comma separated; none: she stays on this server's page)
 */
@ConfigurationProperties("mentoring.auth.web-client")
record WebClientProperties(List<String> redirectUris, List<String> postLogoutRedirectUris) {

	WebClientProperties {
		Assert.notEmpty(redirectUris, "mentoring.auth.web-client.redirect-uris must name at least one URI");
		redirectUris = List.copyOf(redirectUris);
		postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of()
				: postLogoutRedirectUris.stream().filter(uri -> !uri.isBlank()).toList();
	}

}
