package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * Finds a provably optimal assignment of mentees to mentors: locked pairs first, then as many
 * mentees matched as possible, then (for {@link Objective#FAIRNESS_FIRST}) the best possible worst
 * pair, then the highest total score. Stateless and thread-safe.
 *
 * <p>The optimisation is a minimum-cost flow (source → mentees → mentors with their places → sink).
 * An auction with epsilon scaling ({@link PriceAuction}) tries first and answers only when it can
 * prove its assignment optimal, as when the mentees fill the places; otherwise successive shortest
 * augmenting paths ({@link ShortestAugmentingPaths}) solve it. The fairness floor is the largest
 * score threshold at which a maximum matching ({@link MaximumMatching}) still matches as many
 * mentees, found by binary search over the distinct scores.
 */
public final class AssignmentSolver {

	/** Solves the problem for the objective. */
	public Assignment solve(AssignmentProblem problem, Objective objective) {
		int n = problem.mentees();
		int m = problem.mentors();
		int[] scores = problem.scoresRowMajor();
		int[] places = problem.placesCopy();
		int[] mentorOf = new int[n];
		Arrays.fill(mentorOf, Assignment.UNMATCHED);
		int free = 0;
		int[] freeRows = new int[n];
		for (int i = 0; i < n; i++) {
			int locked = problem.lockedMentor(i);
			if (locked != AssignmentProblem.NO_LOCK) {
				mentorOf[i] = locked;
				places[locked]--;
			}
			else if (hasAllowedPair(scores, i, m)) {
				freeRows[free++] = i;
			}
		}
		int[] rows = Arrays.copyOf(freeRows, free);
		int floor = objective == Objective.FAIRNESS_FIRST ? fairnessFloor(problem, scores, places, rows) : 0;
		int maxScore = problem.maxScore();
		int[] solved = new PriceAuction(n, m, scores, places, floor, maxScore).solve(rows);
		if (solved == null) {
			solved = new ShortestAugmentingPaths(n, m, scores, places, floor, maxScore).solve(rows);
		}
		for (int i : rows) {
			mentorOf[i] = solved[i];
		}
		return Assignment.of(problem, mentorOf);
	}

	/** The highest floor under which as many mentees can still be matched as without one. */
	int fairnessFloor(AssignmentProblem problem, int[] scores, int[] places, int[] rows) {
		MaximumMatching matching = new MaximumMatching(problem.mentees(), problem.mentors(), scores, places, rows);
		int most = matching.size(0);
		if (most == 0) {
			return 0;
		}
		int[] thresholds = distinctScores(scores, rows, problem.mentors());
		// thresholds[lo] is feasible (the lowest score admits every pair); find the highest feasible
		int lo = 0;
		int hi = thresholds.length - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (matching.size(thresholds[mid]) == most) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		return thresholds[lo];
	}

	private static int[] distinctScores(int[] scores, int[] rows, int m) {
		int[] all = new int[rows.length * m];
		int count = 0;
		for (int i : rows) {
			int base = i * m;
			for (int j = 0; j < m; j++) {
				if (scores[base + j] >= 0) {
					all[count++] = scores[base + j];
				}
			}
		}
		Arrays.sort(all, 0, count);
		int distinct = 0;
		for (int k = 0; k < count; k++) {
			if (distinct == 0 || all[distinct - 1] != all[k]) {
				all[distinct++] = all[k];
			}
		}
		return Arrays.copyOf(all, distinct);
	}

	private static boolean hasAllowedPair(int[] scores, int i, int m) {
		int base = i * m;
		for (int j = 0; j < m; j++) {
			if (scores[base + j] >= 0) {
				return true;
			}
		}
		return false;
	}

}
