package com.kreativnomentorstvo.matching.scoring;

/** A rule a pair must meet to be formed at all; its code names why a pair is blocked. */
public enum HardConstraint {

	/** They share at least one working language. */
	LANGUAGE("no-shared-language", "share no working language"),

	/** They can meet the same way: online, or in person when one of them only meets in person. */
	FORMAT("incompatible-format", "cannot meet the same way (online or in person)"),

	/** Meeting in person needs the same city, or the same country when a city is not known. */
	LOCATION("too-far-for-in-person", "are too far apart to meet in person"),

	/** The programme's policy keeps mentors and mentees of one organisation apart. */
	ORGANISATION("same-organisation", "belong to the same organisation"),

	/** A coordinator excluded the pair (a conflict of interest, for instance). */
	EXCLUDED("excluded-pair", "were excluded by a coordinator"),

	/** They were proposed to each other in this programme and one of them declined; a coordinator may lift it. */
	DECLINED("declined-before", "were proposed to each other before and one of them declined");

	private final String code;

	private final String phrase;

	HardConstraint(String code, String phrase) {
		this.code = code;
		this.phrase = phrase;
	}

	/** The reason code, e.g. {@code no-shared-language}. */
	public String code() {
		return code;
	}

	/** Completes "the mentee and mentor ...", for explanations. */
	public String phrase() {
		return phrase;
	}

}
