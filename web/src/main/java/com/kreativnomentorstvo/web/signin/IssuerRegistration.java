package com.kreativnomentorstvo.web.signin;

import java.net.URI;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.client.RestClient;

import com.kreativnomentorstvo.web.config.WebProperties;

/**
 * The browser's client at the identity provider, learnt from its OpenID discovery document on the
 * first sign-in rather than at start-up: the pages come up (and say that signing in is not possible
 * yet) while the identity provider is still starting, and a failed look-up is tried again on the
 * next sign-in. A public client, so Spring Security adds a PKCE challenge to every authorization
 * request.
 */
final class IssuerRegistration implements ClientRegistrationRepository {

	private final WebProperties properties;

	private volatile ClientRegistration registration;

	IssuerRegistration(WebProperties properties) {
		this.properties = properties;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!properties.registrationId().equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			synchronized (this) {
				known = registration;
				if (known == null) {
					known = discover();
					registration = known;
				}
			}
		}
		return known;
	}

	private ClientRegistration discover() {
		String publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
		URI discovery = properties.discoveryUri();
		ClientRegistration.Builder discovered = discovery == null || discovery.toString().isBlank()
				? ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
				: ClientRegistrations.fromOidcConfiguration(document(discovery));
		return discovered
			.registrationId(properties.registrationId())
			.clientId(properties.registrationId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(publicUrl + "/login/oauth2/code/{registrationId}")
			.scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
			.userNameAttributeName("sub")
			.build();
	}

	/** The discovery document at the address given; its issuer must be the configured public one. */
	private Map<String, Object> document(URI location) {
		Map<String, Object> document = RestClient.create()
			.get()
			.uri(location)
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		Object issuer = document == null ? null : document.get("issuer");
		if (!properties.issuerUri().toString().equals(issuer)) {
			throw new IllegalStateException("the discovery document at " + location + " names the issuer " + issuer
					+ ", not " + properties.issuerUri());
		}
		return document;
	}

}
