package com.kreativnomentorstvo.support.language;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serbian Latin to Serbian Cyrillic (Vuk's alphabet), letter for letter, with the digraphs lj, nj
 * and dž as single letters. Mustache tags and web addresses are left as they are. Used wherever a
 * Serbian Latin text is shown to a Cyrillic reader: notification-service's templates and
 * announcements, participant-service's certificates.
 *
 * <p>Serbian's two scripts map one to one, so a table is exact; ICU's generic {@code Latin-Cyrillic}
 * transform is not (it turns j into й and lj into лй). Words in which nj or dž are two letters
 * (e.g. "injekcija", "nadživeti") do not occur in the templates; a template can be overridden in
 * {@code sr-Cyrl.yml} where that ever matters.
 */
public final class SerbianScript {

	private static final Pattern UNTOUCHED = Pattern.compile("\\{\\{[^}]*}}|https?://\\S+");

	private static final Map<String, String> DIGRAPHS = Map.of("lj", "љ", "nj", "њ", "dž", "џ");

	private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('a', "а"), Map.entry('b', "б"),
			Map.entry('c', "ц"), Map.entry('č', "ч"), Map.entry('ć', "ћ"), Map.entry('d', "д"), Map.entry('đ', "ђ"),
			Map.entry('e', "е"), Map.entry('f', "ф"), Map.entry('g', "г"), Map.entry('h', "х"), Map.entry('i', "и"),
			Map.entry('j', "ј"), Map.entry('k', "к"), Map.entry('l', "л"), Map.entry('m', "м"), Map.entry('n', "н"),
			Map.entry('o', "о"), Map.entry('p', "п"), Map.entry('r', "р"), Map.entry('s', "с"), Map.entry('š', "ш"),
			Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('v', "в"), Map.entry('z', "з"), Map.entry('ž', "ж"));

	/** Serbian Latin text in Cyrillic. */
	public static String toCyrillic(String latin) {
		StringBuilder out = new StringBuilder(latin.length());
		Matcher untouched = UNTOUCHED.matcher(latin);
		int from = 0;
		while (untouched.find()) {
			transliterate(latin, from, untouched.start(), out);
			out.append(untouched.group());
			from = untouched.end();
		}
		transliterate(latin, from, latin.length(), out);
		return out.toString();
	}

	private static void transliterate(String text, int from, int to, StringBuilder out) {
		int i = from;
		while (i < to) {
			char c = text.charAt(i);
			if (i + 1 < to) {
				String pair = text.substring(i, i + 2);
				String digraph = DIGRAPHS.get(pair.toLowerCase(Locale.ROOT));
				if (digraph != null) {
					out.append(Character.isUpperCase(c) ? digraph.toUpperCase(Locale.ROOT) : digraph);
					i += 2;
					continue;
				}
			}
			String letter = LETTERS.get(Character.toLowerCase(c));
			if (letter == null) {
				out.append(c);
			}
			else {
				out.append(Character.isUpperCase(c) ? letter.toUpperCase(Locale.ROOT) : letter);
			}
			i++;
		}
	}

	private SerbianScript() {
	}

}
