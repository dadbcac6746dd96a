package com.kreativnomentorstvo.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The solver's optimum equals an exact reference on random instances, and every solution it gives
 * keeps the hard constraints, the locks and the mentors' places.
 */
class AssignmentSolverTests {

	private final AssignmentSolver solver = new AssignmentSolver();

	@Property(tries = 400)
	void tinyInstancesMatchExhaustiveSearch(@ForAll @IntRange(min = 0, max = 6) int mentees,
			@ForAll @IntRange(min = 0, max = 4) int mentors, @ForAll @IntRange(min = 1, max = 30) int maxScore,
			@ForAll @IntRange(min = 0, max = 100) int allowedPercent, @ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, 3, maxScore, allowedPercent, true, new Random(seed));

		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.bruteForce(problem, Objective.MOST_MATCHED_THEN_TOTAL);
		assertFeasible(problem, best);
		assertThat(best.matched()).isEqualTo(reference.matched());
		assertThat(best.total()).isEqualTo(reference.total());
	}

	@Property(tries = 400)
	void tinyFairnessFirstInstancesMatchExhaustiveSearch(@ForAll @IntRange(min = 0, max = 6) int mentees,
			@ForAll @IntRange(min = 0, max = 4) int mentors, @ForAll @IntRange(min = 1, max = 30) int maxScore,
			@ForAll @IntRange(min = 0, max = 100) int allowedPercent, @ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, 3, maxScore, allowedPercent, true, new Random(seed));

		Assignment fairest = solver.solve(problem, Objective.FAIRNESS_FIRST);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.bruteForce(problem, Objective.FAIRNESS_FIRST);
		assertFeasible(problem, fairest);
		assertThat(fairest.matched()).isEqualTo(reference.matched());
		assertThat(fairest.worstChosen()).isEqualTo(reference.worstChosen());
		assertThat(fairest.total()).isEqualTo(reference.total());
	}

	@Property(tries = 150)
	void largerInstancesMatchTheMinCostFlowLibrary(@ForAll @IntRange(min = 1, max = 120) int mentees,
			@ForAll @IntRange(min = 1, max = 40) int mentors, @ForAll @IntRange(min = 0, max = 5) int maxPlaces,
			@ForAll @IntRange(min = 1, max = 10_000) int maxScore, @ForAll @IntRange(min = 5, max = 100) int allowedPercent,
			@ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, maxPlaces, maxScore, allowedPercent, true,
				new Random(seed));

		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.minCostFlow(problem);
		assertFeasible(problem, best);
		assertThat(best.matched()).isEqualTo(reference.matched());
		assertThat(best.total()).isEqualTo(reference.total());
	}

	@Property(tries = 60)
	void fairnessFirstMatchesConstraintProgramming(@ForAll @IntRange(min = 1, max = 30) int mentees,
			@ForAll @IntRange(min = 1, max = 10) int mentors, @ForAll @IntRange(min = 0, max = 4) int maxPlaces,
			@ForAll @IntRange(min = 1, max = 10_000) int maxScore, @ForAll @IntRange(min = 10, max = 100) int allowedPercent,
			@ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, maxPlaces, maxScore, allowedPercent, true,
				new Random(seed));

		Assignment fairest = solver.solve(problem, Objective.FAIRNESS_FIRST);
		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.constraintProgramming(problem, Objective.FAIRNESS_FIRST);
		assertFeasible(problem, fairest);
		assertThat(fairest.matched()).isEqualTo(reference.matched()).isEqualTo(best.matched());
		assertThat(fairest.worstChosen()).isEqualTo(reference.worstChosen()).isGreaterThanOrEqualTo(best.worstChosen());
		assertThat(fairest.total()).isEqualTo(reference.total()).isLessThanOrEqualTo(best.total());
	}

	@Property(tries = 60)
	void mostMatchedThenTotalAlsoMatchesConstraintProgramming(@ForAll @IntRange(min = 1, max = 30) int mentees,
			@ForAll @IntRange(min = 1, max = 10) int mentors, @ForAll @IntRange(min = 0, max = 4) int maxPlaces,
			@ForAll @IntRange(min = 1, max = 100) int maxScore, @ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, maxPlaces, maxScore, 60, true, new Random(seed));

		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.constraintProgramming(problem,
				Objective.MOST_MATCHED_THEN_TOTAL);
		assertThat(best.matched()).isEqualTo(reference.matched());
		assertThat(best.total()).isEqualTo(reference.total());
	}

	@Property(tries = 5)
	void aDenseProgrammeOfAThousandMenteesMatchesTheLibrary(@ForAll long seed) {
		AssignmentProblem problem = Instances.dense(1000, 250, 4, 10_000, new Random(seed));

		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		assertFeasible(problem, best);
		assertThat(best.matched()).isEqualTo(1000);
		assertThat(best.total()).isEqualTo(ReferenceSolvers.minCostFlow(problem).total());
	}

	@Property(tries = 3)
	void popularMentorsWhomEveryoneWantsStillGiveTheLibrarysOptimum(@ForAll long seed) {
		Random random = new Random(seed);
		AssignmentProblem.Builder builder = AssignmentProblem.builder(600, 150);
		for (int j = 0; j < 150; j++) {
			builder.places(j, 1 + random.nextInt(4));
			for (int i = 0; i < 600; i++) {
				// scores grow with the mentor's index: everyone competes for the same few
				builder.score(i, j, (int) (5000.0 * j / 150 + random.nextInt(5001)));
			}
		}
		AssignmentProblem problem = builder.build();

		Assignment best = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.minCostFlow(problem);
		assertFeasible(problem, best);
		assertThat(best.matched()).isEqualTo(reference.matched());
		assertThat(best.total()).isEqualTo(reference.total());
	}

	@Property(tries = 40)
	void fairnessFirstWithPopularMentorsMatchesConstraintProgramming(@ForAll @IntRange(min = 1, max = 8) int mentors,
			@ForAll @IntRange(min = 1, max = 3) int maxPlaces, @ForAll @IntRange(min = -4, max = 4) int extraMentees,
			@ForAll @IntRange(min = 30, max = 100) int allowedPercent, @ForAll long seed) {
		Random random = new Random(seed);
		int mentees = Math.max(1, mentors * (1 + maxPlaces) / 2 + extraMentees);
		AssignmentProblem problem = PriceAuctionTests.popular(mentees, mentors, 1, maxPlaces, allowedPercent, random);

		Assignment fairest = solver.solve(problem, Objective.FAIRNESS_FIRST);

		ReferenceSolvers.Optimum reference = ReferenceSolvers.constraintProgramming(problem, Objective.FAIRNESS_FIRST);
		assertFeasible(problem, fairest);
		assertThat(fairest.matched()).isEqualTo(reference.matched());
		assertThat(fairest.worstChosen()).isEqualTo(reference.worstChosen());
		assertThat(fairest.total()).isEqualTo(reference.total());
	}

	/** Allowed pairs only, locks kept, no mentor beyond her places. */
	static void assertFeasible(AssignmentProblem problem, Assignment assignment) {
		int[] used = new int[problem.mentors()];
		for (int i = 0; i < problem.mentees(); i++) {
			int j = assignment.mentorOf(i);
			int locked = problem.lockedMentor(i);
			if (locked != AssignmentProblem.NO_LOCK) {
				assertThat(j).as("locked mentee %d", i).isEqualTo(locked);
			}
			if (j == Assignment.UNMATCHED) {
				continue;
			}
			assertThat(problem.allowed(i, j)).as("pair %d/%d is allowed", i, j).isTrue();
			used[j]++;
		}
		for (int j = 0; j < problem.mentors(); j++) {
			assertThat(used[j]).as("mentees of mentor %d", j).isLessThanOrEqualTo(problem.places(j));
		}
	}

}
