package com.kreativnomentorstvo.authserver.account;

/** Another account has the e-mail address already. */
public class AccountAlreadyExists extends RuntimeException {

	public AccountAlreadyExists() {
		super("an account with this e-mail address exists already");
	}

}
