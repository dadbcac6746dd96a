package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * A reason as a code and its values, for a reader to word in her own language (the web application's
 * {@code reason.<code>} texts); the same reason in English is the line's {@code explanation}.
 *
 * @param code e.g. {@code goals-covered}
 * @param args the values the wording needs, in order (numbers, durations such as {@code 1 h 30 min},
 *     country codes), never personal data
 */
public record Reason(String code, List<String> args) {

	public Reason {
		args = args == null ? List.of() : List.copyOf(args);
	}

	static Reason of(String code, Object... args) {
		return new Reason(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

}
