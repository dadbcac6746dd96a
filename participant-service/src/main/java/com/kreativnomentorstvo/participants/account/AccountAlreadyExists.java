package com.kreativnomentorstvo.participants.account;

/** An account with the address exists already at the identity provider. */
public class AccountAlreadyExists extends RuntimeException {

	public AccountAlreadyExists(String email) {
		super("an account with this e-mail address exists already");
	}

}
