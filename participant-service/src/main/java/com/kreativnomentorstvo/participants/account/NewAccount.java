package com.kreativnomentorstvo.participants.account;

import java.util.List;

/** An account to create: who she is and what her tokens say. */
public record NewAccount(String email, String displayName, String locale, String organisationId, List<String> roles) {

	public NewAccount {
		roles = List.copyOf(roles);
	}

}
