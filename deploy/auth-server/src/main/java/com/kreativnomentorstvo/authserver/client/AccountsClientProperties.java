package com.kreativnomentorstvo.authserver.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The platform's client that manages accounts through the admin API (participant-service), with the
 * {@value RegisteredClients#ACCOUNTS_SCOPE} scope.
 *
 * @param id its client id ({@code ACCOUNTS_CLIENT_ID})
 * @param secret its secret ({@code ACCOUNTS_CLIENT_SECRET}); the default is for local development only
 */
@ConfigurationProperties("mentoring.auth.accounts-client")
record AccountsClientProperties(String id, String secret) {

	static final String LOCAL_DEFAULT_SECRET = "local-development-only-accounts-secret";

	AccountsClientProperties {
		Assert.hasText(id, "mentoring.auth.accounts-client.id (ACCOUNTS_CLIENT_ID) must not be empty");
		Assert.hasText(secret, "mentoring.auth.accounts-client.secret (ACCOUNTS_CLIENT_SECRET) must not be empty");
	}

	boolean localDefaultSecret() {
		return LOCAL_DEFAULT_SECRET.equals(secret);
	}

	@Override
	public String toString() {
		return "AccountsClientProperties[" + id + "]";
	}

}
