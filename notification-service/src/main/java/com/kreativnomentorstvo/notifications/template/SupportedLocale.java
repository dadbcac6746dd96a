package com.kreativnomentorstvo.notifications.template;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** The languages messages are written in; anything else falls back to English. */
public enum SupportedLocale {

	EN("en"), SR_LATN("sr-Latn"), SR_CYRL("sr-Cyrl"), HR("hr"), MK("mk"), SL("sl");

	private final String tag;

	private final Locale locale;

	SupportedLocale(String tag) {
		this.tag = tag;
		this.locale = Locale.forLanguageTag(tag);
	}

	/** The BCP 47 tag, e.g. {@code sr-Cyrl}. */
	public String tag() {
		return tag;
	}

	/** The Java locale, for dates and numbers. */
	public Locale locale() {
		return locale;
	}

	/** The tags, as a person reads the list: {@code en, sr-Latn, sr-Cyrl, hr, mk, sl}. */
	public static String tags() {
		return String.join(", ", Arrays.stream(values()).map(SupportedLocale::tag).toList());
	}

	/**
	 * The supported language a BCP 47 tag asks for: {@code sr-Latn-RS} is Serbian Latin, {@code sr}
	 * and {@code sr-RS} Serbian Cyrillic (the default script of Serbian in CLDR), {@code hr-HR}
	 * Croatian, and so on.
	 */
	public static Optional<SupportedLocale> of(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		Locale requested;
		try {
			requested = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
		String language = requested.getLanguage();
		if ("sr".equals(language)) {
			return Optional.of("Latn".equals(requested.getScript()) ? SR_LATN : SR_CYRL);
		}
		return Arrays.stream(values()).filter(l -> l.locale.getLanguage().equals(language)).findFirst();
	}

	/** The first of the tags that is supported, or English. */
	public static SupportedLocale firstOf(String... tags) {
		for (String tag : tags) {
			Optional<SupportedLocale> supported = of(tag);
			if (supported.isPresent()) {
				return supported.get();
			}
		}
		return EN;
	}

}
