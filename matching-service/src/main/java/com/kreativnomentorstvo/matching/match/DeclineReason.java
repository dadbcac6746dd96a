package com.kreativnomentorstvo.matching.match;

/** Why someone declined a proposal: a code, never free text. */
public enum DeclineReason {

	NO_TIME, NOT_A_FIT, CONFLICT_OF_INTEREST, OTHER

}
