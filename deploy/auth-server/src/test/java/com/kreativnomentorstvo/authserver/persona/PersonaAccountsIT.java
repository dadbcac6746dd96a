package com.kreativnomentorstvo.authserver.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.kreativnomentorstvo.authserver.LocalAuthServer;
import com.kreativnomentorstvo.authserver.account.Account;
import com.kreativnomentorstvo.authserver.account.Accounts;

@LocalAuthServer
class PersonaAccountsIT {

	@Autowired
	Personas personas;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void everyPersonaIsAnEnabledAccountWithItsStableIdAddressAndPassword() {
		assertThat(personas.all()).hasSize(13);
		for (Persona persona : personas.all()) {
			Account account = accounts.findByUsername(persona.username()).orElseThrow();

			assertThat(account.id()).isEqualTo(persona.accountId());
			assertThat(accounts.findByEmail(persona.email())).hasValue(account);
			assertThat(account.organisationId()).isEqualTo(persona.org());
			assertThat(account.roles()).isEqualTo(persona.roles());
			assertThat(account.enabled()).isTrue();
			assertThat(account.passwordHash()).startsWith("{bcrypt}");
		}
		assertThat(passwords.matches("demo", accounts.findByUsername("mentee.ivan").orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void aRestartKeepsTheIdAndAChosenPasswordAndTakesWhatTheFileSaysNow() {
		String username = "tester." + UUID.randomUUID().toString().substring(0, 8);
		start(new Persona(username, "demo", username + "@example.org", "Tess Ter", "en", "org-a", List.of("mentee")));
		String id = Persona.accountIdOf(username);
		accounts.setPassword(id, "chosen-password-2");

		start(new Persona(username, "demo", username + "@Example.org", "Tess Ter-Mentor", "hr", "org-b",
				List.of("mentor", "mentee")));

		Account account = accounts.find(id).orElseThrow();
		assertThat(account.username()).isEqualTo(username);
		assertThat(account.displayName()).isEqualTo("Tess Ter-Mentor");
		assertThat(account.locale()).isEqualTo("hr");
		assertThat(account.organisationId()).isEqualTo("org-b");
		assertThat(account.roles()).containsExactly("mentor", "mentee");
		assertThat(passwords.matches("chosen-password-2", account.passwordHash())).isTrue();
	}

	@Test
	void aHashInTheFileIsStoredAsItIs() {
		String username = "hashed." + UUID.randomUUID().toString().substring(0, 8);
		String hash = passwords.encode("from-the-file");

		start(new Persona(username, hash, username + "@example.org", null, null, "org-a", List.of("coordinator")));

		Account account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.passwordHash()).isEqualTo(hash);
		assertThat(account.displayName()).isEqualTo(username);
		assertThat(account.locale()).isEqualTo("en");
	}

	@Test
	void aPersonaWhoseAddressAnotherAccountHasStopsTheStart() {
		String address = "taken." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		accounts.create(address, "Someone Else", "en", "org-a", List.of("mentee"), null);

		assertThatIllegalStateException()
			.isThrownBy(() -> start(new Persona("taker." + UUID.randomUUID(), "demo", address.toUpperCase(), null, null,
					"org-a", List.of("mentee"))))
			.withMessageContaining("another account has the address");
	}

	private void start(Persona persona) {
		new PersonaAccounts(Personas.of(List.of(persona)), accounts, passwords).afterSingletonsInstantiated();
	}

}
