package com.kreativnomentorstvo.sessions.calendar;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import com.kreativnomentorstvo.support.language.ApiLanguages;

/**
 * The words of the calendar entries this service writes (a session's title, "join", "agenda", the
 * feed's name) in one of the platform's six languages: {@code calendar/words*.properties}. A
 * language not among them, or none, reads English; Serbian without a script reads Latin.
 */
final class CalendarWords {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final ResourceBundle bundle;

	private final Locale locale;

	private CalendarWords(ResourceBundle bundle, Locale locale) {
		this.bundle = bundle;
		this.locale = locale;
	}

	/**
	 * The words in the language of the tag (e.g. {@code sr-Cyrl}) or the first of an
	 * {@code Accept-Language} list that is one of the six; English otherwise.
	 */
	static CalendarWords in(String languageTag) {
		Locale locale = supported(languageTag);
		return new CalendarWords(ResourceBundle.getBundle("calendar.words", locale, NO_FALLBACK), locale);
	}

	/** The first of the six that the tag or {@code Accept-Language} list names, else English. */
	private static Locale supported(String languages) {
		if (languages == null || languages.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(languages.strip())) {
				Locale asked = Locale.forLanguageTag(range.getRange());
				if ("sr".equals(asked.getLanguage())) {
					return new Locale.Builder().setLanguage("sr")
						.setScript("cyrl".equalsIgnoreCase(asked.getScript()) ? "Cyrl" : "Latn")
						.build();
				}
				if (ApiLanguages.TAGS.contains(asked.getLanguage())) {
					return Locale.forLanguageTag(asked.getLanguage());
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			// an unreadable list asks for nothing in particular
		}
		return Locale.ENGLISH;
	}

	/** The language the words are in. */
	Locale locale() {
		return locale;
	}

	String calendarName() {
		return bundle.getString("calendar.name");
	}

	/** A session's title when the names are not known. */
	String session() {
		return bundle.getString("session");
	}

	/** A session's title for a member of the pair: with the other's name. */
	String sessionWith(String partner) {
		return format("session.with", partner);
	}

	/** A session's title for anyone else: both names. */
	String sessionOf(String mentor, String mentee) {
		return format("session.of", mentor, mentee);
	}

	String join() {
		return bundle.getString("join");
	}

	String agenda() {
		return bundle.getString("agenda");
	}

	private String format(String key, Object... values) {
		return new MessageFormat(bundle.getString(key), locale).format(values);
	}

}
