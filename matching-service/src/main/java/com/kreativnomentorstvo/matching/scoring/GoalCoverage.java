package com.kreativnomentorstvo.matching.scoring;

import java.util.List;

/**
 * {@link Criterion#GOALS}: how well the mentor's skills cover the mentee's goals. Each goal weighs its
 * priority (1–5) times the mentor's level in it (0–5), against the same goals at the top level.
 */
final class GoalCoverage implements ScoringRule<GoalCoverage.Coverage> {

	private static final int TOP_LEVEL = 5;

	/**
	 * @param goals how many goals the mentee stated
	 * @param covered how many of them the mentor has a skill for
	 * @param weighed priority times level, summed over the goals
	 * @param most what {@code weighed} would be with every goal at the top level
	 */
	record Coverage(int goals, int covered, long weighed, long most) {
	}

	@Override
	public Criterion criterion() {
		return Criterion.GOALS;
	}

	@Override
	public Coverage measure(Candidate mentee, Candidate mentor) {
		int covered = 0;
		long weighed = 0;
		long most = 0;
		for (int k = 0; k < mentee.goalCount(); k++) {
			int priority = mentee.goalPriority(k);
			int level = mentor.level(mentee.goal(k));
			if (level > 0) {
				covered++;
			}
			weighed += (long) priority * level;
			most += (long) TOP_LEVEL * priority;
		}
		return new Coverage(mentee.goalCount(), covered, weighed, most);
	}

	/** The default body again, in this class, so that a run's scoring inlines it (see {@link ScoringRule#pointsOf}). */
	@Override
	public int pointsOf(Candidate mentee, Candidate mentor, int maxPoints) {
		return points(measure(mentee, mentor), maxPoints);
	}

	@Override
	public int points(Coverage coverage, int maxPoints) {
		return coverage.most() == 0 ? 0 : (int) (maxPoints * coverage.weighed() / coverage.most());
	}

	@Override
	public List<Reason> because(Coverage coverage) {
		if (coverage.goals() == 0) {
			return List.of(Reason.of("goals-none"));
		}
		return List.of(Reason.of("goals-covered", coverage.covered(), coverage.goals(),
				100 * coverage.weighed() / coverage.most()));
	}

	@Override
	public String reason(Coverage coverage) {
		if (coverage.goals() == 0) {
			return "the mentee stated no goals";
		}
		return "the mentor's skills cover %d of %d goals; %d%% of the most, weighing priorities and levels"
			.formatted(coverage.covered(), coverage.goals(), 100 * coverage.weighed() / coverage.most());
	}

}
