package com.kreativnomentorstvo.participants.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Verification codes that cannot be guessed: 12 characters (60 bits) from a SecureRandom, of an
 * alphabet without the letters read for digits (no 0, O, 1, I), in three groups of four
 * ({@code K7QM-3XPD-9WAB}) so that a person can type one from paper.
 */
final class VerificationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{4}(-[" + ALPHABET + "]{4}){2}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(14);
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** A code as a person may type it (lower case, spaces around), in its stored form. */
	static String normalised(String typed) {
		return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
	}

	/** Whether the text has a code's shape at all (anything else is not looked up). */
	static boolean isWellFormed(String code) {
		return SHAPE.matcher(code).matches();
	}

}
