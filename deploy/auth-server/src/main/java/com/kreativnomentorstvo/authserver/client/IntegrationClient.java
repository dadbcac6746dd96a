package com.kreativnomentorstvo.authserver.client;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import com.kreativnomentorstvo.authserver.token.ClientSubjects;

/**
 * A confidential client an organisation's integration uses for {@code client_credentials} tokens; its tokens carry
 * its client id as {@code sub} and the organisation and roles it was registered with.
 *
 * @param clientId generated, {@code int-} and random characters
 * @param secretHash the secret in Spring Security's {@code {id}hash} form; the secret itself is shown once
 */
@Document(IntegrationClients.COLLECTION)
record IntegrationClient(@Id String clientId, String name, String organisationId, List<String> roles,
		String secretHash, Instant registeredAt) {

	IntegrationClient {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	RegisteredClient toRegisteredClient(TokenSettings tokenSettings) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(secretHash)
			.clientName(name)
			.clientIdIssuedAt(registeredAt)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(ClientSubjects.integration(organisationId, roles))
			.tokenSettings(tokenSettings)
			.build();
	}

	@Override
	public String toString() {
		return "IntegrationClient[" + clientId + ", " + name + ", org=" + organisationId + ", roles=" + roles + "]";
	}

}
