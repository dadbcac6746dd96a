package com.kreativnomentorstvo.authserver.admin;

/** One field of the body breaks a rule that Bean Validation does not express: 400. */
class InvalidField extends RuntimeException {

	private final String field;

	InvalidField(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}

}
