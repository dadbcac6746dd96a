package com.kreativnomentorstvo.notifications.template;

import java.util.Map;

/**
 * A name or title someone wrote in several languages (a programme's name, a training's title): the
 * one for the reader's language, a Serbian Latin one in Cyrillic for a Cyrillic reader, else the
 * one written for every language.
 */
public final class Written {

	/**
	 * @param everyLanguage the text for the languages not named
	 * @param byLanguage the texts by language tag; may be {@code null}
	 */
	public static String in(SupportedLocale reader, String everyLanguage, Map<String, String> byLanguage) {
		if (byLanguage == null) {
			return everyLanguage;
		}
		if (byLanguage.containsKey(reader.tag())) {
			return byLanguage.get(reader.tag());
		}
		if (reader == SupportedLocale.SR_CYRL && byLanguage.containsKey(SupportedLocale.SR_LATN.tag())) {
			return SerbianScript.toCyrillic(byLanguage.get(SupportedLocale.SR_LATN.tag()));
		}
		return everyLanguage;
	}

	private Written() {
	}

}
