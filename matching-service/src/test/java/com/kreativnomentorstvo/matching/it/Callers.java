package com.kreativnomentorstvo.matching.it;

import java.util.Set;

import com.kreativnomentorstvo.platform.security.Caller;

/** Callers for invoking application services directly, as the controllers would. */
final class Callers {

	static Caller admin() {
		return new Caller("admin@test", "org-test", Set.of(Caller.Role.ADMIN), Set.of());
	}

	private Callers() {
	}

}
