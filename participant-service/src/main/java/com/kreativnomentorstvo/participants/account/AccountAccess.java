package com.kreativnomentorstvo.participants.account;

import java.util.List;

/** What an account's tokens say and whether it may sign in. */
public record AccountAccess(String organisationId, List<String> roles, boolean enabled) {

	public AccountAccess {
		roles = List.copyOf(roles);
	}

}
