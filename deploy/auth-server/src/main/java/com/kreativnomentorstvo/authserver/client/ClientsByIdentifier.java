package com.kreativnomentorstvo.authserver.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients: the fixed ones (the browser client, the platform's accounts client, the demo personas) in
 * memory, the integrations' clients in the store. Unlike {@code InMemoryRegisteredClientRepository} it allows
 * clients to share a secret, which every persona does ({@code demo}).
 */
class ClientsByIdentifier implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

	private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

	private final IntegrationClients integrations;

	private final TokenSettings tokenSettings;

	ClientsByIdentifier(List<RegisteredClient> fixed, IntegrationClients integrations, TokenSettings tokenSettings) {
		this.integrations = integrations;
		this.tokenSettings = tokenSettings;
		fixed.forEach(this::keep);
	}

	/** Called by the authorization server only to keep a client secret it re-encoded. */
	@Override
	public void save(RegisteredClient client) {
		if (byId.containsKey(client.getId())) {
			keep(client);
		}
		else if (client.getClientSecret() != null && integrations.find(client.getClientId()).isPresent()) {
			integrations.replaceSecretHash(client.getClientId(), client.getClientSecret());
		}
		else {
			throw new IllegalArgumentException("clients are registered through the admin API, not saved");
		}
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		RegisteredClient fixed = byId.get(id);
		return fixed != null ? fixed : integration(id);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		RegisteredClient fixed = byClientId.get(clientId);
		return fixed != null ? fixed : integration(clientId);
	}

	private @Nullable RegisteredClient integration(String clientId) {
		// an integration's id is its client id
		return integrations.find(clientId).map(client -> client.toRegisteredClient(tokenSettings)).orElse(null);
	}

	private synchronized void keep(RegisteredClient client) {
		RegisteredClient sameClientId = byClientId.get(client.getClientId());
		if (sameClientId != null && !sameClientId.getId().equals(client.getId())) {
			throw new IllegalArgumentException("client id " + client.getClientId() + " is registered twice");
		}
		RegisteredClient previous = byId.put(client.getId(), client);
		if (previous != null) {
			byClientId.remove(previous.getClientId());
		}
		byClientId.put(client.getClientId(), client);
	}

}
