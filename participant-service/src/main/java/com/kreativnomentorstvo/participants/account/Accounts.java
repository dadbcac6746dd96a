package com.kreativnomentorstvo.participants.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The accounts of the people of a programme: found by their address, or created for them, so that
 * a person keeps one account across programmes and cycles.
 */
@Service
public class Accounts {

	private final IdentityProvider provider;

	Accounts(IdentityProvider provider) {
		this.provider = provider;
	}

	/**
	 * The person's account: the one her address already has, else a new one (without a password)
	 * with the organisation and role given.
	 */
	public Account forPerson(String email, String displayName, String locale, String organisationId, String role) {
		Optional<Account> existing = provider.findByEmail(email);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return provider.create(new NewAccount(email, displayName, locale, organisationId,
					List.of(role.toLowerCase(Locale.ROOT))));
		}
		catch (AccountAlreadyExists raced) {
			// made meanwhile by another request for the same person
			return provider.findByEmail(email)
				.orElseThrow(() -> new IdentityProviderUnavailable("the account of the address vanished"));
		}
	}

	/** The account, if it (still) exists. */
	public Optional<Account> find(String accountId) {
		return provider.find(accountId);
	}

	/** The account with the address, if any. */
	public Optional<Account> findByEmail(String email) {
		return provider.findByEmail(email);
	}

}
