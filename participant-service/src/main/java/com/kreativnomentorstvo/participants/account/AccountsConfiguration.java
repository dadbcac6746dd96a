package com.kreativnomentorstvo.participants.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/** The identity provider adapter the instance is configured for ({@code ACCOUNTS_PROVIDER}). */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

	@Bean
	IdentityProvider identityProvider(ParticipantServiceProperties properties,
			ObjectProvider<RestClient.Builder> restClients) {
		ParticipantServiceProperties.Accounts accounts = properties.accounts();
		return switch (accounts.provider()) {
			case "local" -> new LocalIdentityProvider(accounts.local(), restClients.getIfAvailable(RestClient::builder));
			case "keycloak" -> new KeycloakIdentityProvider(accounts.keycloak());
			default -> throw new IllegalStateException("mentoring.participants.accounts.provider (ACCOUNTS_PROVIDER) must be "
					+ "'local' or 'keycloak', not '" + accounts.provider() + "'");
		};
	}

}
