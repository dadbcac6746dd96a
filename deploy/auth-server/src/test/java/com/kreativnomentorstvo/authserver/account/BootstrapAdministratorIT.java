package com.kreativnomentorstvo.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.kreativnomentorstvo.authserver.RealInstance;

@RealInstance
class BootstrapAdministratorIT {

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void theAdministratorIsCreatedOnceWithHerAddressOrganisationAndPassword() {
		Account admin = accounts.findByEmail(RealInstance.ADMIN_EMAIL).orElseThrow();

		assertThat(admin.email()).isEqualTo("root@platform.example");
		assertThat(admin.organisationId()).isEqualTo(RealInstance.ADMIN_ORG);
		assertThat(admin.roles()).containsExactly("admin");
		assertThat(admin.enabled()).isTrue();
		assertThat(admin.username()).isNull();
		assertThat(admin.passwordHash()).startsWith("{bcrypt}");
		assertThat(passwords.matches(RealInstance.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
	}

	@Test
	void aRestartLeavesAnExistingAdministratorAlone() {
		Account before = accounts.findByEmail(RealInstance.ADMIN_EMAIL).orElseThrow();

		new BootstrapAdministrator(
				new BootstrapAdminProperties(RealInstance.ADMIN_EMAIL.toUpperCase(), "another-password", "org-other"),
				accounts)
			.afterSingletonsInstantiated();

		assertThat(accounts.findByEmail(RealInstance.ADMIN_EMAIL)).hasValue(before);
	}

	@Test
	void nothingIsCreatedWithoutBothAddressAndPassword() {
		new BootstrapAdministrator(new BootstrapAdminProperties("half@platform.example", " ", "org-a"), accounts)
			.afterSingletonsInstantiated();

		assertThat(accounts.findByEmail("half@platform.example")).isEmpty();
	}

	@Test
	void anAdministratorWithoutOrganisationOrWithAWeakPasswordStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new BootstrapAdministrator(
					new BootstrapAdminProperties("new@platform.example", "long-enough-1", null), accounts)
				.afterSingletonsInstantiated())
			.withMessageContaining("BOOTSTRAP_ADMIN_ORG");
		assertThatIllegalStateException()
			.isThrownBy(() -> new BootstrapAdministrator(
					new BootstrapAdminProperties("new@platform.example", "short", "org-a"), accounts)
				.afterSingletonsInstantiated())
			.withMessageContaining("BOOTSTRAP_ADMIN_PASSWORD must have at least 8 characters");
		assertThat(accounts.findByEmail("new@platform.example")).isEmpty();
	}

}
