package com.kreativnomentorstvo.matching.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers the language and skill codes one scorer meets, case-insensitively (a language by its
 * primary subtag), so that comparing two profiles is bit and array work rather than string work.
 */
final class Vocabulary {

	private final Map<String, Integer> languages = new HashMap<>();

	private final Map<String, Integer> skills = new HashMap<>();

	/** A language whatever its script or region: sr-Cyrl and sr-Latn are one, as are en-GB and EN. */
	int language(String code) {
		return number(languages, spoken(code));
	}

	/** The language of a BCP 47 tag (its primary subtag, lower case), or the code itself in lower case if it is no tag. */
	static String spoken(String code) {
		String language = Locale.forLanguageTag(code.trim()).getLanguage();
		return language.isEmpty() ? code.trim().toLowerCase(Locale.ROOT) : language;
	}

	int skill(String code) {
		return number(skills, code);
	}

	private static int number(Map<String, Integer> dictionary, String code) {
		return dictionary.computeIfAbsent(code.trim().toLowerCase(Locale.ROOT), key -> dictionary.size());
	}

}
