package com.kreativnomentorstvo.participants.validation;

import java.security.SecureRandom;

/** New opaque ids in the {@link ResourceId} form: a prefix and twelve random lower-case letters and digits. */
public final class Ids {

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new id such as {@code p-k3x9m2q7hw4d}. */
	public static String next(String prefix) {
		StringBuilder id = new StringBuilder(prefix).append('-');
		for (int i = 0; i < 12; i++) {
			id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

	private Ids() {
	}

}
