package com.kreativnomentorstvo.authserver.token;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Whom a client's {@code client_credentials} tokens speak for, kept in its {@link ClientSettings}: an account (a demo
 * persona's client), the client itself with an organisation and roles (an integration), or nobody else (a platform
 * client such as participant-service, whose tokens are for this server's admin API only).
 */
public final class ClientSubjects {

	private static final String ACCOUNT = "mentoring.subject.account-id";

	private static final String ORGANISATION = "mentoring.subject.organisation-id";

	private static final String ROLES = "mentoring.subject.roles";

	/** The settings of a client whose tokens speak for the account: {@code sub}, {@code org}, {@code roles} are hers. */
	public static ClientSettings speakingFor(String accountId) {
		return ClientSettings.builder().setting(ACCOUNT, accountId).build();
	}

	/** The settings of an integration's client: {@code sub} is its client id, with this organisation and roles. */
	public static ClientSettings integration(String organisationId, List<String> roles) {
		return ClientSettings.builder()
			.setting(ORGANISATION, organisationId)
			.setting(ROLES, List.copyOf(roles))
			.build();
	}

	static @Nullable String accountOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(ACCOUNT);
	}

	static @Nullable String organisationOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(ORGANISATION);
	}

	static List<String> rolesOf(RegisteredClient client) {
		List<String> roles = client.getClientSettings().getSetting(ROLES);
		return roles == null ? List.of() : roles;
	}

	private ClientSubjects() {
	}

}
