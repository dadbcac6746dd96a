package com.kreativnomentorstvo.matching.scoring;

import java.util.Locale;

/** A programme's stance on pairs from different countries. */
public enum CrossBorder {

	PREFER, NEUTRAL, AVOID;

	/** Reads a policy's value; anything unknown or missing is neutral. */
	public static CrossBorder of(String value) {
		if (value == null) {
			return NEUTRAL;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return NEUTRAL;
		}
	}

}
