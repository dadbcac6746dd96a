package com.kreativnomentorstvo.sessions.calendar;

/**
 * Text people typed (titles, agendas, venues, names) as iCalendar (RFC 5545) content: it can never
 * end a content line and start a property of its own. Line breaks are escaped, other control
 * characters dropped (input already refuses them), lines folded at 75 octets.
 */
final class CalendarText {

	/** The longest content line, in octets without its line break (RFC 5545, 3.1). */
	static final int MAX_LINE_OCTETS = 75;

	private CalendarText() {
	}

	/**
	 * A TEXT value: line breaks (CR LF, and a lone CR, NEL or Unicode line or paragraph separator,
	 * which the library would write as they are and a lenient reader takes for the end of a line)
	 * become LF, which the library writes as the escape {@code \n}; every other control or
	 * formatting character is dropped. So no text can end a content line and start a property of its own.
	 */
	static String text(String value) {
		return value.replace("\r\n", "\n")
			.replaceAll("[\r\u0085\u2028\u2029]", "\n")
			.replaceAll("[\\p{Cntrl}&&[^\n\t]]|\\p{Cf}", "");
	}

	/** A one-line TEXT value (a summary, a location): line breaks and tabs become spaces. */
	static String line(String value) {
		return text(value).replaceAll("[\n\t]+", " ").strip();
	}

	/** Names go into parameters too: no quotes or control characters that could break the line. */
	static String name(String text) {
		return line(text).replace('"', ' ').strip();
	}

	/**
	 * Folds every content line at 75 octets of UTF-8, as RFC 5545 (3.1) asks, never inside a
	 * character. The library folds at a number of characters, which for Cyrillic or accented
	 * names is up to twice as many octets; its folds are undone first (a content line never begins
	 * with a space, so CR LF space is always a fold).
	 */
	static String fold(String calendar) {
		String unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
		StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 70 * 3);
		for (String contentLine : unfolded.split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < contentLine.length(); i = contentLine.offsetByCodePoints(i, 1)) {
				int codePoint = contentLine.codePointAt(i);
				int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
				if (octets + size > MAX_LINE_OCTETS) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

}
