package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * A solution: the mentor of each mentee ({@link #UNMATCHED} if none), with its totals.
 *
 * @param mentorOf mentor index per mentee
 * @param matched how many mentees have a mentor
 * @param total the sum of the pairs' scores
 * @param worstChosen the lowest score among pairs that were not locked, or -1 if there are none
 */
public record Assignment(int[] mentorOf, int matched, long total, int worstChosen) {

	public static final int UNMATCHED = -1;

	/** Totals an assignment of the problem. */
	public static Assignment of(AssignmentProblem problem, int[] mentorOf) {
		int matched = 0;
		long total = 0;
		int worst = Integer.MAX_VALUE;
		for (int mentee = 0; mentee < mentorOf.length; mentee++) {
			int mentor = mentorOf[mentee];
			if (mentor == UNMATCHED) {
				continue;
			}
			int score = problem.score(mentee, mentor);
			matched++;
			total += score;
			if (problem.lockedMentor(mentee) != mentor) {
				worst = Math.min(worst, score);
			}
		}
		return new Assignment(mentorOf.clone(), matched, total, worst == Integer.MAX_VALUE ? -1 : worst);
	}

	public int mentorOf(int mentee) {
		return mentorOf[mentee];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Assignment that && Arrays.equals(mentorOf, that.mentorOf);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(mentorOf);
	}

	@Override
	public String toString() {
		return "Assignment[matched=" + matched + ", total=" + total + ", worstChosen=" + worstChosen + "]";
	}

}
