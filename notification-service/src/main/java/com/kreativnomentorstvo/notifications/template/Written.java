package com.kreativnomentorstvo.notifications.template;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.kreativnomentorstvo.support.language.SerbianScript;

/**
 * A name, title or text someone wrote in several languages (a programme's name, a training's title,
 * an announcement): the one for the reader's language, a Serbian Latin one in Cyrillic for a
 * Cyrillic reader, else the first written of the languages to try next, else the one for every
 * language.
 */
public final class Written {

	/**
	 * @param everyLanguage the text for the languages not named
	 * @param byLanguage the texts by language tag; may be {@code null}
	 */
	public static String in(SupportedLocale reader, String everyLanguage, Map<String, String> byLanguage) {
		return in(reader, byLanguage, SerbianScript::toCyrillic, List.of(), everyLanguage);
	}

	/**
	 * @param byLanguage the versions by language tag; may be {@code null}
	 * @param inCyrillic a Serbian Latin version written in Cyrillic
	 * @param thenIn the languages to try, in order, when neither the reader's nor (for a Cyrillic
	 *     reader) Serbian Latin was written
	 * @param otherwise the version when none of them was written
	 */
	public static <T> T in(SupportedLocale reader, Map<String, T> byLanguage, UnaryOperator<T> inCyrillic,
			List<SupportedLocale> thenIn, T otherwise) {
		if (byLanguage == null) {
			return otherwise;
		}
		if (byLanguage.containsKey(reader.tag())) {
			return byLanguage.get(reader.tag());
		}
		if (reader == SupportedLocale.SR_CYRL && byLanguage.containsKey(SupportedLocale.SR_LATN.tag())) {
			return inCyrillic.apply(byLanguage.get(SupportedLocale.SR_LATN.tag()));
		}
		for (SupportedLocale language : thenIn) {
			if (byLanguage.containsKey(language.tag())) {
				return byLanguage.get(language.tag());
			}
		}
		return otherwise;
	}

	private Written() {
	}

}
