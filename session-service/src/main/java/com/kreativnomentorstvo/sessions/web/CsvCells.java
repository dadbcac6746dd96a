package com.kreativnomentorstvo.sessions.web;

/** Text cells of the service's CSV exports. */
public final class CsvCells {

	private CsvCells() {
	}

	/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
	public static String defused(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
