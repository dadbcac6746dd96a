package com.kreativnomentorstvo.authserver.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, in memory. Unlike {@code InMemoryRegisteredClientRepository} it allows clients to share a
 * secret, which every persona does ({@code demo}).
 */
class ClientsByIdentifier implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

	private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

	ClientsByIdentifier(List<RegisteredClient> clients) {
		clients.forEach(this::save);
	}

	@Override
	public synchronized void save(RegisteredClient client) {
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

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return byId.get(id);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		return byClientId.get(clientId);
	}

}
