package com.kreativnomentorstvo.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whenever the auction answers, its answer is an optimum (the same as an exact reference), and it
 * does answer when the mentees fill the places, popular mentors included. The solver falls back to
 * the shortest paths when it does not, so these tests call the auction itself: a wrong answer it
 * calls proven cannot hide behind the fallback.
 */
class PriceAuctionTests {

	@Property(tries = 3000)
	void whateverTheAuctionProvesOnTinyInstancesIsTheExhaustiveOptimum(@ForAll @IntRange(min = 0, max = 6) int mentees,
			@ForAll @IntRange(min = 0, max = 4) int mentors, @ForAll @IntRange(min = 0, max = 3) int maxPlaces,
			@ForAll @IntRange(min = 0, max = 30) int maxScore, @ForAll @IntRange(min = 0, max = 100) int allowedPercent,
			@ForAll @IntRange(min = 0, max = 30) int floor, @ForAll long seed) {
		AssignmentProblem problem = Instances.random(mentees, mentors, maxPlaces, maxScore, allowedPercent, false,
				new Random(seed));
		int usedFloor = Math.min(floor, maxScore);

		int[] auctioned = auction(problem, usedFloor);

		if (auctioned != null) {
			Assignment assignment = Assignment.of(problem, auctioned);
			ReferenceSolvers.Optimum reference = ReferenceSolvers.bruteForce(withoutPairsBelow(problem, usedFloor),
					Objective.MOST_MATCHED_THEN_TOTAL);
			AssignmentSolverTests.assertFeasible(problem, assignment);
			assertThat(assignment.worstChosen() == -1 || assignment.worstChosen() >= usedFloor).isTrue();
			assertThat(assignment.matched()).isEqualTo(reference.matched());
			assertThat(assignment.total()).isEqualTo(reference.total());
		}
	}

	@Property(tries = 500)
	void popularMentorsWithSeveralPlacesAndMenteesLeftOverGiveTheLibrarysOptimum(
			@ForAll @IntRange(min = 1, max = 150) int mentees, @ForAll @IntRange(min = 1, max = 40) int mentors,
			@ForAll @IntRange(min = 1, max = 5) int maxPlaces, @ForAll @IntRange(min = 20, max = 100) int allowedPercent,
			@ForAll long seed) {
		AssignmentProblem problem = popular(mentees, mentors, 1, maxPlaces, allowedPercent, new Random(seed));

		int[] auctioned = auction(problem, 0);

		if (auctioned != null) {
			Assignment assignment = Assignment.of(problem, auctioned);
			ReferenceSolvers.Optimum reference = ReferenceSolvers.minCostFlow(problem);
			AssignmentSolverTests.assertFeasible(problem, assignment);
			assertThat(assignment.matched()).isEqualTo(reference.matched());
			assertThat(assignment.total()).isEqualTo(reference.total());
		}
	}

	@Property(tries = 40)
	void whenMenteesFillThePlacesTheAuctionProvesTheLibrarysOptimum(@ForAll @IntRange(min = 1, max = 60) int mentors,
			@ForAll @IntRange(min = 1, max = 5) int maxPlaces, @ForAll boolean popular, @ForAll long seed) {
		Random random = new Random(seed);
		int placesEach = 1 + random.nextInt(maxPlaces);
		int places = mentors * placesEach;
		AssignmentProblem problem = popular ? popular(places, mentors, placesEach, placesEach, 100, random)
				: Instances.dense(places, mentors, placesEach, 10_000, random);

		int[] auctioned = auction(problem, 0);

		assertThat(auctioned).as("proven optimal").isNotNull();
		Assignment assignment = Assignment.of(problem, auctioned);
		AssignmentSolverTests.assertFeasible(problem, assignment);
		assertThat(assignment.matched()).isEqualTo(places);
		assertThat(assignment.total()).isEqualTo(ReferenceSolvers.minCostFlow(problem).total());
	}

	@Property(tries = 20)
	void moreMenteesThanPlacesAreLeftToTheShortestPaths(@ForAll @IntRange(min = 1, max = 30) int mentors,
			@ForAll @IntRange(min = 1, max = 20) int extraMentees, @ForAll long seed) {
		AssignmentProblem problem = popular(mentors * 2 + extraMentees, mentors, 2, 2, 100, new Random(seed));

		assertThat(auction(problem, 0)).isNull();
	}

	@Property(tries = 2)
	void theBenchmarksPopularShapeIsProvenAndGivesTheLibrarysOptimum(@ForAll long seed) {
		AssignmentProblem problem = popular(1000, 250, 4, 4, 100, new Random(seed));

		int[] auctioned = auction(problem, 0);

		assertThat(auctioned).as("proven optimal").isNotNull();
		assertThat(Assignment.of(problem, auctioned).total()).isEqualTo(ReferenceSolvers.minCostFlow(problem).total());
	}

	/** As the solver calls it: every mentee with an allowed pair, the problem's places. */
	private static int[] auction(AssignmentProblem problem, int floor) {
		int[] rows = IntStream.range(0, problem.mentees())
			.filter(i -> IntStream.range(0, problem.mentors()).anyMatch(j -> problem.allowed(i, j)))
			.toArray();
		return new PriceAuction(problem.mentees(), problem.mentors(), problem.scoresRowMajor(), problem.placesCopy(),
				floor, problem.maxScore())
			.solve(rows);
	}

	/**
	 * Half of each score grows with the mentor's index: everyone competes for the same mentors, as in
	 * bench/matching's {@code popular} instance; mentors get minPlaces..maxPlaces places.
	 */
	static AssignmentProblem popular(int mentees, int mentors, int minPlaces, int maxPlaces, int allowedPercent,
			Random random) {
		AssignmentProblem.Builder builder = AssignmentProblem.builder(mentees, mentors);
		for (int j = 0; j < mentors; j++) {
			builder.places(j, minPlaces + random.nextInt(maxPlaces - minPlaces + 1));
		}
		for (int i = 0; i < mentees; i++) {
			for (int j = 0; j < mentors; j++) {
				if (random.nextInt(100) < allowedPercent) {
					builder.score(i, j, (int) (5000.0 * j / mentors) + random.nextInt(5001));
				}
			}
		}
		return builder.build();
	}

	private static AssignmentProblem withoutPairsBelow(AssignmentProblem problem, int floor) {
		AssignmentProblem.Builder builder = AssignmentProblem.builder(problem.mentees(), problem.mentors());
		for (int j = 0; j < problem.mentors(); j++) {
			builder.places(j, problem.places(j));
		}
		for (int i = 0; i < problem.mentees(); i++) {
			for (int j = 0; j < problem.mentors(); j++) {
				if (problem.score(i, j) >= floor) {
					builder.score(i, j, problem.score(i, j));
				}
			}
		}
		return builder.build();
	}

}
