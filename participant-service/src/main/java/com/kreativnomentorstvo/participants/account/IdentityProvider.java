package com.kreativnomentorstvo.participants.account;

import java.util.List;
import java.util.Optional;

/**
 * The identity provider's accounts and clients, as the platform manages them: the one port through
 * which participant-service creates, changes and deletes accounts, with one adapter per kind of
 * provider (the local authorization server, Keycloak). Every method either does what it says or
 * throws {@link IdentityProviderUnavailable}; none leaves a half-made account behind that a retry
 * would trip over (creating an account whose address exists fails with
 * {@link AccountAlreadyExists}, so callers look it up first and reuse it).
 */
public interface IdentityProvider {

	/** The account with this e-mail address (compared without case), if any. */
	Optional<Account> findByEmail(String email);

	/** The account, if it exists. */
	Optional<Account> find(String accountId);

	/**
	 * Creates an enabled account without a password: its owner sets one through the platform's
	 * invitation link.
	 * @throws AccountAlreadyExists if an account has the address already
	 */
	Account create(NewAccount account);

	/** Sets the account's password (from a set-password or reset link the platform checked). */
	void setPassword(String accountId, String password);

	/** What the account's tokens say: organisation, roles, and whether it may sign in at all. */
	void changeAccess(String accountId, AccountAccess access);

	/** Deletes the account; deleting one that does not exist (any more) does nothing. */
	void delete(String accountId);

	/**
	 * Registers a confidential client for an integration: it gets tokens with the client-credentials
	 * grant that carry the organisation and roles given here.
	 * @return the client id and its secret, which nobody can read again later
	 */
	IntegrationClient registerClient(String name, String organisationId, List<String> roles);

	/** Removes an integration's client; its tokens stop being issued at once. Idempotent. */
	void removeClient(String clientId);

}
