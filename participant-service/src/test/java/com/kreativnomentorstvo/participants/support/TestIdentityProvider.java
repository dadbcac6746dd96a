package com.kreativnomentorstvo.participants.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountAccess;
import com.kreativnomentorstvo.participants.account.AccountAlreadyExists;
import com.kreativnomentorstvo.participants.account.IdentityProvider;
import com.kreativnomentorstvo.participants.account.IdentityProviderUnavailable;
import com.kreativnomentorstvo.participants.account.IntegrationClient;
import com.kreativnomentorstvo.participants.account.NewAccount;

/**
 * An identity provider in memory, for this module's integration tests of what the service does
 * with accounts. The real adapters are tested against the real providers: the local authorization
 * server in the system test and its own module, Keycloak in {@code KeycloakIdentityProviderIT}.
 * It can be told to be down, to show what the service does then.
 */
public final class TestIdentityProvider implements IdentityProvider {

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, String> passwords = new ConcurrentHashMap<>();

	private final Map<String, IntegrationClient> clients = new ConcurrentHashMap<>();

	private volatile boolean down;

	/** Makes the provider refuse (or serve again) every call. */
	public void down(boolean down) {
		this.down = down;
	}

	/** An account that exists before the test, e.g. a demo persona's or one with a password. */
	public Account add(Account account) {
		accounts.put(account.id(), account);
		return account;
	}

	/** The password set for the account, if any. */
	public Optional<String> password(String accountId) {
		return Optional.ofNullable(passwords.get(accountId));
	}

	public List<Account> all() {
		return new ArrayList<>(accounts.values());
	}

	/** The integration clients registered and not removed. */
	public List<IntegrationClient> clients() {
		return new ArrayList<>(clients.values());
	}

	@Override
	public Optional<Account> findByEmail(String email) {
		up();
		return accounts.values().stream().filter(a -> a.email().equalsIgnoreCase(email.strip())).findFirst();
	}

	@Override
	public Optional<Account> find(String accountId) {
		up();
		return Optional.ofNullable(accounts.get(accountId));
	}

	@Override
	public synchronized Account create(NewAccount account) {
		up();
		if (findByEmail(account.email()).isPresent()) {
			throw new AccountAlreadyExists(account.email());
		}
		Account created = new Account("acc-" + UUID.randomUUID(), account.email().strip().toLowerCase(Locale.ROOT),
				account.displayName(), account.locale(), account.organisationId(), account.roles(), true, false);
		accounts.put(created.id(), created);
		return created;
	}

	@Override
	public void setPassword(String accountId, String password) {
		up();
		Account account = accounts.get(accountId);
		passwords.put(accountId, password);
		accounts.put(accountId, new Account(account.id(), account.email(), account.displayName(), account.locale(),
				account.organisationId(), account.roles(), account.enabled(), true));
	}

	@Override
	public void changeAccess(String accountId, AccountAccess access) {
		up();
		accounts.computeIfPresent(accountId, (id, a) -> new Account(id, a.email(), a.displayName(), a.locale(),
				access.organisationId(), access.roles(), access.enabled(), a.passwordSet()));
	}

	@Override
	public void delete(String accountId) {
		up();
		accounts.remove(accountId);
		passwords.remove(accountId);
	}

	@Override
	public IntegrationClient registerClient(String name, String organisationId, List<String> roles) {
		up();
		IntegrationClient client = new IntegrationClient("int-" + UUID.randomUUID(), UUID.randomUUID().toString());
		clients.put(client.clientId(), client);
		return client;
	}

	@Override
	public void removeClient(String clientId) {
		up();
		clients.remove(clientId);
	}

	private void up() {
		if (down) {
			throw new IdentityProviderUnavailable("the test identity provider is down");
		}
	}

	/** Puts it in the service's context in place of the configured adapter. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class InContext {

		@Bean
		@Primary
		TestIdentityProvider testIdentityProvider() {
			return new TestIdentityProvider();
		}

	}

}
