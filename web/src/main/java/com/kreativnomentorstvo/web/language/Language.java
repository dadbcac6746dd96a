package com.kreativnomentorstvo.web.language;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six languages of the pages, each named in itself for the switch. Serbian is written in both
 * scripts; a bare {@code sr} is Cyrillic, Serbian's default script in CLDR.
 */
public enum Language {

	EN("en", "English"), SR_LATN("sr-Latn", "Srpski (latinica)"), SR_CYRL("sr-Cyrl", "Српски (ћирилица)"),
	HR("hr", "Hrvatski"), MK("mk", "Македонски"), SL("sl", "Slovenščina");

	private final String tag;

	private final String name;

	private final Locale locale;

	Language(String tag, String name) {
		this.tag = tag;
		this.name = name;
		this.locale = Locale.forLanguageTag(tag);
	}

	public String tag() {
		return tag;
	}

	/** The language's name in itself. */
	public String displayName() {
		return name;
	}

	public Locale locale() {
		return locale;
	}

	/** Serbian, in either script: the page offers the other script beside the language switch. */
	public boolean isSerbian() {
		return this == SR_LATN || this == SR_CYRL;
	}

	public static List<Language> all() {
		return List.of(values());
	}

	/** The language a locale or BCP 47 tag asks for, if the pages speak it. */
	public static Optional<Language> of(Locale locale) {
		if (locale == null || locale.getLanguage().isEmpty()) {
			return Optional.empty();
		}
		if ("sr".equals(locale.getLanguage())) {
			return Optional.of("Latn".equals(locale.getScript()) ? SR_LATN : SR_CYRL);
		}
		return Arrays.stream(values()).filter(l -> l.locale.getLanguage().equals(locale.getLanguage())).findFirst();
	}

	public static Optional<Language> of(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		try {
			return of(new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build());
		}
		catch (IllformedLocaleException notATag) {
			return Optional.empty();
		}
	}

}
