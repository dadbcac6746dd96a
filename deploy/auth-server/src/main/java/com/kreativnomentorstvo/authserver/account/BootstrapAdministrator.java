package com.kreativnomentorstvo.authserver.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator of {@link BootstrapAdminProperties} before the server takes requests, unless an account
 * has her address already (then nothing is changed, not even the password). Further people are invited through the
 * platform.
 */
@Component
class BootstrapAdministrator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final BootstrapAdminProperties properties;

	private final Accounts accounts;

	BootstrapAdministrator(BootstrapAdminProperties properties, Accounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.halfGiven()) {
			log.warn("Set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to create an administrator; "
					+ "no administrator created");
		}
		if (!properties.wanted()) {
			return;
		}
		if (properties.organisation() == null) {
			throw new IllegalStateException(
					"BOOTSTRAP_ADMIN_ORG (mentoring.auth.bootstrap-admin.organisation) must name the administrator's "
							+ "organisation id");
		}
		PasswordRule.violation(properties.password()).ifPresent(violation -> {
			throw new IllegalStateException("BOOTSTRAP_ADMIN_PASSWORD " + violation);
		});
		if (accounts.findByEmail(properties.email()).isPresent()) {
			log.info("An account with the bootstrap administrator's address exists; left as it is");
			return;
		}
		try {
			Account admin = accounts.create(properties.email(), "Administrator", "en", properties.organisation(),
					List.of("admin"), properties.password());
			log.info("Bootstrap administrator created: account {} of {}", admin.id(), admin.organisationId());
		}
		catch (AccountAlreadyExists ex) {
			// another instance created her a moment ago
			log.info("An account with the bootstrap administrator's address exists; left as it is");
		}
	}

}
