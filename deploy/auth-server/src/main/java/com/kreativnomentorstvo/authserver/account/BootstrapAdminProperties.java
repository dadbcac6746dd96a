package com.kreativnomentorstvo.authserver.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The first administrator of a real instance, created at start if no account has her address.
 *
 * @param email her address ({@code BOOTSTRAP_ADMIN_EMAIL}); nothing is created without it
 * @param password her first password ({@code BOOTSTRAP_ADMIN_PASSWORD}); nothing is created without it
 * @param organisation her {@code org} claim ({@code BOOTSTRAP_ADMIN_ORG}), required with the two above
 */
@ConfigurationProperties("mentoring.auth.bootstrap-admin")
record BootstrapAdminProperties(@Nullable String email, @Nullable String password, @Nullable String organisation) {

	BootstrapAdminProperties {
		email = StringUtils.hasText(email) ? email.strip() : null;
		password = StringUtils.hasText(password) ? password : null;
		organisation = StringUtils.hasText(organisation) ? organisation.strip() : null;
	}

	boolean wanted() {
		return email != null && password != null;
	}

	boolean halfGiven() {
		return (email == null) != (password == null);
	}

	@Override
	public String toString() {
		return "BootstrapAdminProperties[" + email + ", org=" + organisation + "]";
	}

}
