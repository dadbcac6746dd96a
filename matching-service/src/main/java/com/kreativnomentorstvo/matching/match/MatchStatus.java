package com.kreativnomentorstvo.matching.match;

/** Where a match stands. */
public enum MatchStatus {

	/** Published to both people, who accept or decline before the deadline. */
	PROPOSED,

	/** Both accepted (or a coordinator matched them): the mentorship runs. */
	ACTIVE,

	/** One of them declined. */
	DECLINED,

	/** Nobody answered in time. */
	EXPIRED,

	/** The mentorship ended. */
	ENDED,

	/** One of them left the programme before the proposal was answered. */
	CANCELLED

}
