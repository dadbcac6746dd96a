package com.kreativnomentorstvo.support.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six languages problem details are worded in, and which of them a request's
 * {@code Accept-Language} gets: the first range by quality that names one of them, where
 * {@code sr} without a script (or with a region only) means Serbian in Latin script and a region
 * is ignored ({@code hr-HR} is {@code hr}); English when none does.
 */
public final class ApiLanguages {

	/** English: the root bundles, and the answer to a language the API does not speak. */
	public static final Locale FALLBACK = Locale.ENGLISH;

	/** The six languages, English first. */
	public static final List<Locale> SUPPORTED = List.of(FALLBACK, Locale.forLanguageTag("sr-Latn"),
			Locale.forLanguageTag("sr-Cyrl"), Locale.forLanguageTag("hr"), Locale.forLanguageTag("mk"),
			Locale.forLanguageTag("sl"));

	/** The six languages' tags, in the same order: {@code en, sr-Latn, sr-Cyrl, hr, mk, sl}. */
	public static final List<String> TAGS = SUPPORTED.stream().map(Locale::toLanguageTag).toList();

	private static final Locale SERBIAN_LATIN = SUPPORTED.get(1);

	private static final Locale SERBIAN_CYRILLIC = SUPPORTED.get(2);

	private ApiLanguages() {
	}

	/**
	 * The language for an {@code Accept-Language} header (or {@code null}). Unlike Spring's
	 * {@code AcceptHeaderLocaleResolver}, a range that matches by language only ({@code sr-RS}) is
	 * not passed over for a later exact one ({@code en;q=0.8}).
	 */
	public static Locale preferred(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return FALLBACK;
		}
		try {
			// parse() orders the ranges by quality, highest first
			return Locale.LanguageRange.parse(acceptLanguage)
				.stream()
				.filter(range -> range.getWeight() > 0)
				.map(range -> supported(range.getRange()))
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(FALLBACK);
		}
		catch (IllegalArgumentException malformed) {
			return FALLBACK;
		}
	}

	/** The supported language a single language tag names, if any. */
	public static Optional<Locale> supported(String languageTag) {
		Locale wanted = Locale.forLanguageTag(languageTag);
		if (wanted.getLanguage().equals("sr")) {
			return Optional.of("Cyrl".equalsIgnoreCase(wanted.getScript()) ? SERBIAN_CYRILLIC : SERBIAN_LATIN);
		}
		return SUPPORTED.stream()
			.filter(language -> language.getScript().isEmpty() && language.getLanguage().equals(wanted.getLanguage()))
			.findFirst();
	}

}
