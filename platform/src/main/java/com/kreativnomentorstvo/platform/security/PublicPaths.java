package com.kreativnomentorstvo.platform.security;

import java.util.List;

/**
 * Paths of a service that anyone may call without a token, such as a programme's public call or
 * the page a link in an e-mail opens (which carries its own credential, checked by the service).
 * Declared as beans; the platform's security chain lets them through and nothing else.
 *
 * @param patterns Ant-style path patterns, e.g. {@code /api/v1/calls/**}
 */
public record PublicPaths(List<String> patterns) {

	public PublicPaths {
		patterns = List.copyOf(patterns);
	}

	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns));
	}

}
