package com.kreativnomentorstvo.participants.account;

import java.util.List;

/**
 * An account at the identity provider.
 *
 * @param id the tokens' {@code sub}
 * @param locale the language of its pages at the provider, e.g. {@code sr-Latn}
 * @param roles any of {@code admin}, {@code coordinator}, {@code mentor}, {@code mentee}
 * @param enabled whether it may sign in
 * @param passwordSet whether its owner has chosen a password (if not, she needs an invitation link)
 */
public record Account(String id, String email, String displayName, String locale, String organisationId,
		List<String> roles, boolean enabled, boolean passwordSet) {

	public Account {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

}
