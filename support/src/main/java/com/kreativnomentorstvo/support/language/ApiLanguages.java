package com.kreativnomentorstvo.support.language;

import java.util.List;
import java.util.Locale;

/**
 * The six languages problem details are worded in. A request's {@code Accept-Language} picks one of
 * them (quality values honoured, {@code sr} alone meaning Serbian in Latin script); anything else is
 * answered in {@link #FALLBACK English}.
 */
public final class ApiLanguages {

	/** English: the root bundles, and the answer to a language the API does not speak. */
	public static final Locale FALLBACK = Locale.ENGLISH;

	/**
	 * The six languages, English first; Serbian Latin precedes Cyrillic so that a bare {@code sr}
	 * resolves to Latin.
	 */
	public static final List<Locale> SUPPORTED = List.of(FALLBACK, Locale.forLanguageTag("sr-Latn"),
			Locale.forLanguageTag("sr-Cyrl"), Locale.forLanguageTag("hr"), Locale.forLanguageTag("mk"),
			Locale.forLanguageTag("sl"));

	private ApiLanguages() {
	}

}
