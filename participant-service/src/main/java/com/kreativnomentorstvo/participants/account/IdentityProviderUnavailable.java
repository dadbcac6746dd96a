package com.kreativnomentorstvo.participants.account;

/** The identity provider did not answer, or answered with an error: nothing was changed here, try again. */
public class IdentityProviderUnavailable extends RuntimeException {

	public IdentityProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	public IdentityProviderUnavailable(String message) {
		super(message);
	}

}
