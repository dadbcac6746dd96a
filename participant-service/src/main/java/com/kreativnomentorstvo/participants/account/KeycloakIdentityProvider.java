package com.kreativnomentorstvo.participants.account;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/**
 * The accounts of a Keycloak realm, through Keycloak's Admin REST API ({@code keycloak-admin-client}).
 * participant-service signs in as the realm's confidential client {@code settings.clientId()}
 * (client-credentials grant); its service account holds realm-management's {@code manage-users},
 * {@code view-users}, {@code query-users}, {@code manage-clients}, {@code view-clients} and
 * {@code query-clients}, and nothing more (deploy/keycloak/mentoring-realm.json). Every failure to reach
 * Keycloak, and every answer it gives that this class does not expect, is an
 * {@link IdentityProviderUnavailable}; messages never carry an address or a name.
 */
class KeycloakIdentityProvider implements IdentityProvider, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityProvider.class);

	private final Keycloak keycloak;

	private final String realm;

	KeycloakIdentityProvider(ParticipantServiceProperties.Accounts.Keycloak settings) {
		long timeout = settings.timeout().toMillis();
		// the admin client's own defaults (a pool of 10 connections, its JSON mapping), plus our timeouts
		Client http = ResteasyClientClassicProvider.createClientBuilder()
			.connectTimeout(timeout, TimeUnit.MILLISECONDS)
			.readTimeout(timeout, TimeUnit.MILLISECONDS)
			.connectionCheckoutTimeout(timeout, TimeUnit.MILLISECONDS)
			.register(JacksonProvider.class, 100)
			.build();
		this.keycloak = KeycloakBuilder.builder()
			.serverUrl(settings.url())
			.realm(settings.realm())
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.resteasyClient(http)
			.build();
		this.realm = settings.realm();
	}

	@Override
	public Optional<Account> findByEmail(String email) {
		String address = KeycloakRepresentations.normalisedEmail(email);
		return call("find an account by its address", () -> users().searchByEmail(address, true)
			.stream()
			.filter(user -> address.equalsIgnoreCase(user.getEmail()))
			.findFirst()
			.map(this::account));
	}

	@Override
	public Optional<Account> find(String accountId) {
		return call("read an account", () -> {
			try {
				return Optional.of(account(users().get(accountId).toRepresentation()));
			}
			catch (NotFoundException absent) {
				return Optional.empty();
			}
		});
	}

	@Override
	public Account create(NewAccount account) {
		UserRepresentation user = KeycloakRepresentations.newUser(account);
		return call("create an account", () -> {
			try (Response response = users().create(user)) {
				if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
					throw new AccountAlreadyExists(account.email());
				}
				user.setId(CreatedResponseUtil.getCreatedId(response));
			}
			return KeycloakRepresentations.account(user, false);
		});
	}

	@Override
	public void setPassword(String accountId, String password) {
		run("set a password", () -> users().get(accountId).resetPassword(KeycloakRepresentations.password(password)));
	}

	@Override
	public void changeAccess(String accountId, AccountAccess access) {
		run("change an account's access", () -> {
			UserResource resource = users().get(accountId);
			// the whole user goes back: an update that leaves a field out may clear it
			UserRepresentation user = resource.toRepresentation();
			KeycloakRepresentations.applyAccess(user, access);
			resource.update(user);
			if (!access.enabled()) {
				// her sessions end now, not when they would expire
				resource.logout();
			}
		});
	}

	@Override
	public void delete(String accountId) {
		run("delete an account", () -> {
			try (Response response = users().delete(accountId)) {
				int status = response.getStatus();
				if (status != Response.Status.NO_CONTENT.getStatusCode() && status != Response.Status.NOT_FOUND.getStatusCode()) {
					throw new WebApplicationException(response.getStatus());
				}
			}
		});
	}

	@Override
	public IntegrationClient registerClient(String name, String organisationId, List<String> roles) {
		String clientId = KeycloakRepresentations.integrationClientId(name);
		String secret = KeycloakRepresentations.newClientSecret();
		ClientRepresentation client = KeycloakRepresentations.integrationClient(clientId, secret, name, organisationId, roles);
		return call("register an integration client", () -> {
			try (Response response = clients().create(client)) {
				CreatedResponseUtil.getCreatedId(response);
			}
			return new IntegrationClient(clientId, secret);
		});
	}

	@Override
	public void removeClient(String clientId) {
		run("remove an integration client", () -> {
			for (ClientRepresentation client : clients().findByClientId(clientId)) {
				if (!KeycloakRepresentations.isIntegrationClient(client)) {
					log.warn("Not removing the client {} of realm {}: it is not an integration client", clientId, realm);
					continue;
				}
				try {
					clients().get(client.getId()).remove();
				}
				catch (NotFoundException alreadyGone) {
					// removed meanwhile: what was asked for
				}
			}
		});
	}

	@Override
	public void close() {
		keycloak.close();
	}

	private Account account(UserRepresentation user) {
		boolean passwordSet = KeycloakRepresentations.hasPassword(users().get(user.getId()).credentials());
		return KeycloakRepresentations.account(user, passwordSet);
	}

	private UsersResource users() {
		return keycloak.realm(realm).users();
	}

	private ClientsResource clients() {
		return keycloak.realm(realm).clients();
	}

	private void run(String action, Runnable request) {
		call(action, () -> {
			request.run();
			return null;
		});
	}

	private <T> T call(String action, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (WebApplicationException answer) {
			throw new IdentityProviderUnavailable(
					"Keycloak (realm " + realm + ") answered " + answer.getResponse().getStatus() + " when asked to " + action,
					answer);
		}
		catch (ProcessingException failure) {
			// also what a failed token request becomes: it fails inside the admin client's request filter
			String reason = failure.getCause() instanceof WebApplicationException refused
					? "gave this service no token (" + refused.getResponse().getStatus() + ")"
					: "could not be reached";
			throw new IdentityProviderUnavailable("Keycloak (realm " + realm + ") " + reason + " when asked to " + action,
					failure);
		}
	}

}
