package com.kreativnomentorstvo.authserver.persona;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.authserver.account.Account;
import com.kreativnomentorstvo.authserver.account.AccountAlreadyExists;
import com.kreativnomentorstvo.authserver.account.Accounts;

/**
 * Writes every demo persona's account before the server takes requests, with the id derived from its username.
 * Without personas it leaves the accounts of earlier demo starts alone, and says so.
 */
@Component
class PersonaAccounts implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PersonaAccounts.class);

	private final Personas personas;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	PersonaAccounts(Personas personas, Accounts accounts, PasswordEncoder passwords) {
		this.personas = personas;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// one hash per distinct password, not one per persona: they all say "demo", in plain text, in the file
		Map<String, String> hashes = new ConcurrentHashMap<>();
		personas.all().forEach(persona -> upsert(persona, hashes));
		if (!personas.all().isEmpty()) {
			log.info("Demo persona accounts ready: {}", personas.all().size());
			return;
		}
		long left = accounts.countPersonas();
		if (left > 0) {
			// kept, as the rest of the demo data is: a store of a demo run is still a demo store
			log.warn("No PERSONAS_FILE, but the store holds {} demo persona accounts from an earlier start: they can "
					+ "still sign in with their passwords. Delete them (or start from an empty store) on a real instance",
					left);
		}
	}

	private void upsert(Persona persona, Map<String, String> hashes) {
		Account account = new Account(persona.accountId(), persona.email(), persona.username(), persona.displayName(),
				persona.locale(), persona.org(), persona.roles(), true, null);
		try {
			accounts.upsertPersona(account, () -> persona.hashed() ? persona.password()
					: hashes.computeIfAbsent(persona.password(), passwords::encode));
		}
		catch (AccountAlreadyExists ex) {
			throw new IllegalStateException("persona " + persona.username() + ": another account has the address "
					+ persona.email() + " (remove it, or give the persona another address)", ex);
		}
	}

}
