package com.kreativnomentorstvo.authserver.account;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who can sign in: the tokens' {@code sub} is her {@code id}.
 *
 * @param id a UUID; never reused
 * @param email her address, lower case (unique: addresses are compared without case)
 * @param username a demo persona's login name, else {@code null}
 * @param displayName her name as the ID token's {@code name}
 * @param locale the language of her pages, e.g. {@code sr-Latn}
 * @param organisationId the {@code org} claim
 * @param roles the {@code roles} claim, see {@link Roles}
 * @param enabled whether she may sign in and get tokens
 * @param passwordHash her password in Spring Security's {@code {id}hash} form, {@code null} until she sets one
 */
@Document(Accounts.COLLECTION)
public record Account(@Id String id, String email, @Nullable String username, String displayName, String locale,
		String organisationId, List<String> roles, boolean enabled, @Nullable String passwordHash) {

	public Account {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	/** Whether she has chosen a password (without one she cannot sign in). */
	public boolean passwordSet() {
		return passwordHash != null;
	}

	/** Whether the login form and the token endpoint may let her in. */
	public boolean maySignIn() {
		return enabled && passwordSet();
	}

	@Override
	public String toString() {
		return "Account[" + id + ", org=" + organisationId + ", roles=" + roles + ", enabled=" + enabled + "]";
	}

}
