package com.kreativnomentorstvo.matching.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers the language and skill codes one scorer meets, case-insensitively, so that comparing two
 * profiles is bit and array work rather than string work.
 */
final class Vocabulary {

	private final Map<String, Integer> languages = new HashMap<>();

	private final Map<String, Integer> skills = new HashMap<>();

	int language(String code) {
		return number(languages, code);
	}

	int skill(String code) {
		return number(skills, code);
	}

	private static int number(Map<String, Integer> dictionary, String code) {
		return dictionary.computeIfAbsent(code.trim().toLowerCase(Locale.ROOT), key -> dictionary.size());
	}

}
