package com.kreativnomentorstvo.matching.solver;

/** What a run optimises, in order of priority. */
public enum Objective {

	/** As many mentees matched as possible, then the highest total score. */
	MOST_MATCHED_THEN_TOTAL,

	/**
	 * As many mentees matched as possible, then the highest score of the worst pair the solver chose
	 * (locked pairs are the coordinator's and do not count), then the highest total.
	 */
	FAIRNESS_FIRST

}
