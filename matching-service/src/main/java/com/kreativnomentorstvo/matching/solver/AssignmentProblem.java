package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * Whom to pair: mentees (rows) and mentors (columns) with a number of free places each, the score of
 * every allowed pair (a non-negative integer; {@link #NOT_ALLOWED} where a hard constraint forbids
 * the pair) and pairs a coordinator locked. Dense: one score per mentee and mentor.
 */
public final class AssignmentProblem {

	/** The score of a pair that may not be formed. */
	public static final int NOT_ALLOWED = -1;

	/** Marks a mentee without a locked mentor. */
	public static final int NO_LOCK = -1;

	private final int mentees;

	private final int mentors;

	private final int[] places;

	private final int[] scores;

	private final int[] locked;

	private AssignmentProblem(int mentees, int mentors, int[] places, int[] scores, int[] locked) {
		this.mentees = mentees;
		this.mentors = mentors;
		this.places = places;
		this.scores = scores;
		this.locked = locked;
	}

	/** A problem with no pair allowed yet, every mentor with no place and no lock. */
	public static Builder builder(int mentees, int mentors) {
		return new Builder(mentees, mentors);
	}

	public int mentees() {
		return mentees;
	}

	public int mentors() {
		return mentors;
	}

	/** Free places of the mentor. */
	public int places(int mentor) {
		return places[mentor];
	}

	/** The pair's score, or {@link #NOT_ALLOWED}. */
	public int score(int mentee, int mentor) {
		return scores[mentee * mentors + mentor];
	}

	public boolean allowed(int mentee, int mentor) {
		return scores[mentee * mentors + mentor] >= 0;
	}

	/** The mentor the mentee is locked to, or {@link #NO_LOCK}. */
	public int lockedMentor(int mentee) {
		return locked[mentee];
	}

	/** The highest score of any allowed pair, 0 if none is allowed. */
	public int maxScore() {
		int max = 0;
		for (int score : scores) {
			max = Math.max(max, score);
		}
		return max;
	}

	int[] scoresRowMajor() {
		return scores;
	}

	int[] placesCopy() {
		return places.clone();
	}

	/** Fills a problem; checks locks against places and allowed pairs when built. */
	public static final class Builder {

		private final int mentees;

		private final int mentors;

		private final int[] places;

		private final int[] scores;

		private final int[] locked;

		private Builder(int mentees, int mentors) {
			if (mentees < 0 || mentors < 0 || (long) mentees * mentors > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("unsupported size " + mentees + " x " + mentors);
			}
			this.mentees = mentees;
			this.mentors = mentors;
			this.places = new int[mentors];
			this.scores = new int[mentees * mentors];
			this.locked = new int[mentees];
			Arrays.fill(scores, NOT_ALLOWED);
			Arrays.fill(locked, NO_LOCK);
		}

		public Builder places(int mentor, int places) {
			if (places < 0) {
				throw new IllegalArgumentException("negative places for mentor " + mentor);
			}
			this.places[mentor] = places;
			return this;
		}

		/** Allows the pair with the given score (at least 0). */
		public Builder score(int mentee, int mentor, int score) {
			if (score < 0) {
				throw new IllegalArgumentException("negative score for pair " + mentee + "/" + mentor);
			}
			scores[mentee * mentors + mentor] = score;
			return this;
		}

		public Builder forbid(int mentee, int mentor) {
			scores[mentee * mentors + mentor] = NOT_ALLOWED;
			return this;
		}

		/** Forces the pair into every solution. */
		public Builder lock(int mentee, int mentor) {
			locked[mentee] = mentor;
			return this;
		}

		public AssignmentProblem build() {
			int[] lockedPerMentor = new int[mentors];
			for (int mentee = 0; mentee < mentees; mentee++) {
				int mentor = locked[mentee];
				if (mentor == NO_LOCK) {
					continue;
				}
				if (scores[mentee * mentors + mentor] < 0) {
					throw new IllegalArgumentException("locked pair " + mentee + "/" + mentor + " is not allowed");
				}
				if (++lockedPerMentor[mentor] > places[mentor]) {
					throw new IllegalArgumentException("mentor " + mentor + " has more locked mentees than places");
				}
			}
			return new AssignmentProblem(mentees, mentors, places.clone(), scores.clone(), locked.clone());
		}

	}

}
