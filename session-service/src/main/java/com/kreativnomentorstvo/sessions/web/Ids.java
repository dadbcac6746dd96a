package com.kreativnomentorstvo.sessions.web;

import java.util.UUID;

/** Opaque ids with a readable kind prefix, e.g. {@code ses-1b4e...}. */
public final class Ids {

	public static String next(String kind) {
		return kind + "-" + UUID.randomUUID();
	}

	private Ids() {
	}

}
