package com.kreativnomentorstvo.matching.match;

/** How a match came about. */
public enum Origin {

	/** Proposed by a published matching run. */
	RUN,

	/** Made by a coordinator by hand. */
	MANUAL,

	/** Requested by the mentee from her recommendations. */
	SELF_MATCH

}
