package com.kreativnomentorstvo.authserver.client;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;

/**
 * Who may ask for tokens: every persona as a confidential {@code client_credentials} client (client id = username,
 * secret = password), and the public browser client {@value #WEB_CLIENT_ID} (authorization code with PKCE).
 */
@Configuration(proxyBeanMethods = false)
class RegisteredClients {

	static final String WEB_CLIENT_ID = "mentoring-web";

	@Bean
	RegisteredClientRepository registeredClientRepository(Personas personas, WebClientProperties webClient,
			TokenSettings tokenSettings) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(webClient(webClient, tokenSettings));
		personas.all().forEach(persona -> clients.add(personaClient(persona, tokenSettings)));
		// refuses a persona named like the web client: client ids must be unique
		return new ClientsByIdentifier(clients);
	}

	static RegisteredClient personaClient(Persona persona, TokenSettings tokenSettings) {
		return RegisteredClient.withId("persona:" + persona.username())
			.clientId(persona.username())
			.clientSecret(persona.encodedPassword())
			.clientName(persona.username())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenSettings(tokenSettings)
			.build();
	}

	static RegisteredClient webClient(WebClientProperties properties, TokenSettings tokenSettings) {
		return RegisteredClient.withId(WEB_CLIENT_ID)
			.clientId(WEB_CLIENT_ID)
			.clientName("Mentoring platform (browser)")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> uris.addAll(properties.redirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings)
			.build();
	}

}
