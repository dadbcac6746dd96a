package com.kreativnomentorstvo.participants.certificate;

import java.util.Locale;
import java.util.Map;

/**
 * Serbian Latin to Serbian Cyrillic (Vuk's alphabet), letter for letter, with lj, nj and dž as
 * single letters: how a programme named in Serbian Latin is shown to a Cyrillic reader, as
 * notification-service's {@code SerbianScript} does for the e-mails (services share no code but
 * {@code support}, so the table is repeated here; addresses are not part of a name, so nothing is
 * left untouched).
 */
final class SerbianCyrillic {

	private static final Map<String, String> DIGRAPHS = Map.of("lj", "љ", "nj", "њ", "dž", "џ");

	private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('a', "а"), Map.entry('b', "б"),
			Map.entry('c', "ц"), Map.entry('č', "ч"), Map.entry('ć', "ћ"), Map.entry('d', "д"), Map.entry('đ', "ђ"),
			Map.entry('e', "е"), Map.entry('f', "ф"), Map.entry('g', "г"), Map.entry('h', "х"), Map.entry('i', "и"),
			Map.entry('j', "ј"), Map.entry('k', "к"), Map.entry('l', "л"), Map.entry('m', "м"), Map.entry('n', "н"),
			Map.entry('o', "о"), Map.entry('p', "п"), Map.entry('r', "р"), Map.entry('s', "с"), Map.entry('š', "ш"),
			Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('v', "в"), Map.entry('z', "з"), Map.entry('ž', "ж"));

	private SerbianCyrillic() {
	}

	static String of(String latin) {
		StringBuilder out = new StringBuilder(latin.length());
		int i = 0;
		while (i < latin.length()) {
			char c = latin.charAt(i);
			if (i + 1 < latin.length()) {
				String digraph = DIGRAPHS.get(latin.substring(i, i + 2).toLowerCase(Locale.ROOT));
				if (digraph != null) {
					out.append(Character.isUpperCase(c) ? digraph.toUpperCase(Locale.ROOT) : digraph);
					i += 2;
					continue;
				}
			}
			String letter = LETTERS.get(Character.toLowerCase(c));
			out.append(letter == null ? String.valueOf(c)
					: Character.isUpperCase(c) ? letter.toUpperCase(Locale.ROOT) : letter);
			i++;
		}
		return out.toString();
	}

}
