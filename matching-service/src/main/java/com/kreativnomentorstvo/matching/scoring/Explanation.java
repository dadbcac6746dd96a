package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * Why a pair scores what it does: one line per criterion (every criterion, also those that gave
 * nothing), whose points add up to the score, and the hard constraints the pair meets.
 *
 * @param score the pair's score in hundredths of a point (0–10000 for 0–100)
 */
public record Explanation(int score, List<CriterionPoints> contributions, List<String> constraintsMet) {

	public Explanation {
		contributions = List.copyOf(contributions);
		constraintsMet = List.copyOf(constraintsMet);
	}

}
