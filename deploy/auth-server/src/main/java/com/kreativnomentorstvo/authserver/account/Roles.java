package com.kreativnomentorstvo.authserver.account;

import java.util.List;
import java.util.Set;

/** The roles the platform knows; tokens carry a list of them as {@code roles}. */
public final class Roles {

	public static final Set<String> KNOWN = Set.of("admin", "coordinator", "mentor", "mentee");

	/** The pattern request bodies are checked against. */
	public static final String PATTERN = "admin|coordinator|mentor|mentee";

	/** The roles without repetitions, in their order; refuses a role the platform does not know. */
	public static List<String> checked(List<String> roles) {
		for (String role : roles) {
			if (!KNOWN.contains(role)) {
				throw new IllegalArgumentException("unknown role '" + role + "'; known roles are " + KNOWN);
			}
		}
		return roles.stream().distinct().toList();
	}

	private Roles() {
	}

}
