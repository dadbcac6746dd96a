package com.kreativnomentorstvo.matching.match;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 timestamps from request bodies. Bodies carry them as text, checked by a pattern,
 * so that a malformed one is reported naming its field.
 */
public final class Timestamps {

	/** An ISO-8601 date and time with {@code Z} or an offset, e.g. {@code 2026-03-10T17:00:00+01:00}. */
	public static final String PATTERN = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

	/** The instant, or {@code null} for {@code null}. */
	public static Instant parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not an ISO-8601 date and time: " + text, ex);
		}
	}

	private Timestamps() {
	}

}
