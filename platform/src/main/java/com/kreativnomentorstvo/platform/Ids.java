package com.kreativnomentorstvo.platform;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The ids every service gives what it creates: a readable kind and an opaque part, in lower-case
 * letters, digits and single hyphens (what the APIs accept as an id), e.g. {@code ses-k3x9m2q7hw4d5t8v}.
 */
public final class Ids {

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	/** 16 characters of a 32-letter alphabet: 80 random bits. */
	private static final int LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** A new random id of the kind, e.g. {@code p-k3x9m2q7hw4d5t8v}. */
	public static String next(String kind) {
		StringBuilder id = new StringBuilder(kind.length() + 1 + LENGTH).append(kind).append('-');
		for (int i = 0; i < LENGTH; i++) {
			id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return id.toString();
	}

	/**
	 * The id of the one thing of the kind that its parts name (e.g. one review per mentorship, kind
	 * and author): the same parts give the same id, so a second attempt to create it is a duplicate
	 * key, not a second thing.
	 */
	public static String derived(String kind, String... parts) {
		String name = String.join("/", parts);
		return kind + "-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
