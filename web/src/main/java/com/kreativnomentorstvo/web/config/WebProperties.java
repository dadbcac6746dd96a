package com.kreativnomentorstvo.web.config;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web application's settings ({@code mentoring.web.*}). Where the services are, and how long a call to
 * each may take, is the API's route table ({@code mentoring.api.*}, shared with the gateway).
 * @param publicUrl the address people open, as every link the platform writes starts
 * ({@code PUBLIC_URL}); the sign-in redirect comes back here
 * @param issuerUri the identity provider people sign in at ({@code ISSUER_URI}); its OpenID
 * discovery document is read on the first sign-in, so the pages start while it is still starting
 * @param registrationId the identity provider's client of the browser (a public client with PKCE)
 * @param discoveryUri where the server reads the identity provider's OpenID discovery document when the
 * public issuer address does not resolve from it ({@code ISSUER_DISCOVERY_URI}; a compose network:
 * Keycloak's address inside it, whose document still names the public issuer); unset, the issuer's own
 */
@Validated
@ConfigurationProperties("mentoring.web")
public record WebProperties(@NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
		@NotNull @DefaultValue("http://localhost:9000") URI issuerUri,
		@NotNull @DefaultValue("mentoring-web") String registrationId, URI discoveryUri) {
}
