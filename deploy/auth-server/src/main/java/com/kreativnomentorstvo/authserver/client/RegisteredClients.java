package com.kreativnomentorstvo.authserver.client;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import com.kreativnomentorstvo.authserver.persona.Persona;
import com.kreativnomentorstvo.authserver.persona.Personas;
import com.kreativnomentorstvo.authserver.token.ClientSubjects;

/**
 * Who may ask for tokens: the public browser client {@value #WEB_CLIENT_ID} (authorization code with PKCE), the
 * platform's accounts client (participant-service, {@code client_credentials} with scope {@value #ACCOUNTS_SCOPE}),
 * every demo persona as a confidential {@code client_credentials} client (client id = username, secret = password)
 * speaking for its account, and the integrations' clients registered through the admin API.
 */
@Configuration(proxyBeanMethods = false)
public class RegisteredClients {

	private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

	public static final String WEB_CLIENT_ID = "mentoring-web";

	/** The scope the admin API requires. */
	public static final String ACCOUNTS_SCOPE = "accounts";

	@Bean
	RegisteredClientRepository registeredClientRepository(Personas personas, WebClientProperties webClient,
			AccountsClientProperties accountsClient, IntegrationClients integrations, PasswordEncoder passwords,
			TokenSettings tokenSettings) {
		if (accountsClient.localDefaultSecret()) {
			log.warn("ACCOUNTS_CLIENT_SECRET is the local-development default: set it on every shared instance");
		}
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(webClient(webClient, tokenSettings));
		clients.add(accountsClient(accountsClient, passwords, tokenSettings));
		personas.all().forEach(persona -> clients.add(personaClient(persona, tokenSettings)));
		// refuses a persona named like another client: client ids must be unique
		return new ClientsByIdentifier(clients, integrations, tokenSettings);
	}

	static RegisteredClient personaClient(Persona persona, TokenSettings tokenSettings) {
		return RegisteredClient.withId("persona:" + persona.username())
			.clientId(persona.username())
			.clientSecret(persona.encodedPassword())
			.clientName(persona.username())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(ClientSubjects.speakingFor(persona.accountId()))
			.tokenSettings(tokenSettings)
			.build();
	}

	static RegisteredClient accountsClient(AccountsClientProperties properties, PasswordEncoder passwords,
			TokenSettings tokenSettings) {
		return RegisteredClient.withId(properties.id())
			.clientId(properties.id())
			.clientSecret(passwords.encode(properties.secret()))
			.clientName("Platform accounts client")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(ACCOUNTS_SCOPE)
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
			.postLogoutRedirectUris(uris -> uris.addAll(properties.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings)
			.build();
	}

}
