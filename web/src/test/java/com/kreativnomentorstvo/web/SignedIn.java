package com.kreativnomentorstvo.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A person signed in to the pages (Spring Security's test support for an OpenID Connect login). */
final class SignedIn {

	private SignedIn() {
	}

	/**
	 * Ana, of organisation org-rs, with one role, signed in at the given issuer; the pages' calls carry the
	 * test support's access token ({@code Bearer access-token}).
	 */
	static RequestPostProcessor person(String role, String issuer) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("mentoring-web")
			.clientId("mentoring-web")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost:8080/login/oauth2/code/mentoring-web")
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(issuer + "/oauth2/token")
			.build();
		OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(600),
				Map.of("sub", "account-1", "name", "Ana Anić", "email", "ana@example.org", "org", "org-rs",
						"roles", List.of(role)));
		return oidcLogin().clientRegistration(registration).oidcUser(new DefaultOidcUser(List.of(), idToken));
	}

}
