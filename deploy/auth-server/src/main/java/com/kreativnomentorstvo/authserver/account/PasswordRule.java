package com.kreativnomentorstvo.authserver.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a password must be: at least 8 characters, and at most 72 bytes, all that bcrypt reads. */
public final class PasswordRule {

	public static final int MIN_CHARACTERS = 8;

	public static final int MAX_BYTES = 72;

	/** Why the password is refused, or empty if it is fine. */
	public static Optional<String> violation(String password) {
		if (password == null || password.isBlank()) {
			return Optional.of("is required");
		}
		if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
			return Optional.of("must have at least " + MIN_CHARACTERS + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("must not be longer than " + MAX_BYTES + " bytes");
		}
		return Optional.empty();
	}

	private PasswordRule() {
	}

}
