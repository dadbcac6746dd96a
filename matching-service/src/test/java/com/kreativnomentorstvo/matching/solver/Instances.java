package com.kreativnomentorstvo.matching.solver;

import java.util.Random;

/** Random assignment problems for tests and benchmarks. */
final class Instances {

	/**
	 * @param maxPlaces each mentor gets 0..maxPlaces places
	 * @param allowedPercent the share of pairs that no hard constraint forbids
	 * @param withLocks lock a few allowed pairs where places allow
	 */
	static AssignmentProblem random(int mentees, int mentors, int maxPlaces, int maxScore, int allowedPercent,
			boolean withLocks, Random random) {
		AssignmentProblem.Builder builder = AssignmentProblem.builder(mentees, mentors);
		int[] places = new int[mentors];
		for (int j = 0; j < mentors; j++) {
			places[j] = random.nextInt(maxPlaces + 1);
			builder.places(j, places[j]);
		}
		int[][] scores = new int[mentees][mentors];
		for (int i = 0; i < mentees; i++) {
			for (int j = 0; j < mentors; j++) {
				scores[i][j] = random.nextInt(100) < allowedPercent ? random.nextInt(maxScore + 1) : -1;
				if (scores[i][j] >= 0) {
					builder.score(i, j, scores[i][j]);
				}
			}
		}
		if (withLocks && mentors > 0) {
			for (int i = 0; i < mentees; i++) {
				int j = random.nextInt(mentors);
				if (random.nextInt(8) == 0 && scores[i][j] >= 0 && places[j] > 0) {
					builder.lock(i, j);
					places[j]--;
				}
			}
		}
		return builder.build();
	}

	/** Every pair allowed with a uniformly random score, every mentor with the same places. */
	static AssignmentProblem dense(int mentees, int mentors, int places, int maxScore, Random random) {
		AssignmentProblem.Builder builder = AssignmentProblem.builder(mentees, mentors);
		for (int j = 0; j < mentors; j++) {
			builder.places(j, places);
		}
		for (int i = 0; i < mentees; i++) {
			for (int j = 0; j < mentors; j++) {
				builder.score(i, j, random.nextInt(maxScore + 1));
			}
		}
		return builder.build();
	}

	private Instances() {
	}

}
