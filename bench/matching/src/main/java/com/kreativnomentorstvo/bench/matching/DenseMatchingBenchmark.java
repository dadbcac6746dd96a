package com.kreativnomentorstvo.bench.matching;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.kreativnomentorstvo.matching.solver.Assignment;
import com.kreativnomentorstvo.matching.solver.AssignmentProblem;
import com.kreativnomentorstvo.matching.solver.AssignmentSolver;
import com.kreativnomentorstvo.matching.solver.Objective;

/**
 * One matching run's optimisation: 2,000 mentees and 500 mentors with 4 places each, every pair
 * allowed with a random score (0–100.00 in hundredths, as the service scores). The service's
 * solver beside OR-Tools' min-cost flow on the same instance, in the same run. Before measuring,
 * the trial checks that both reach the same optimum and that OR-Tools reports it OPTIMAL.
 *
 * <p>{@code uniform}: independent scores, the case. {@code popular}: half of every score
 * grows with the mentor's index, so everyone competes for the same mentors (harder for augmenting
 * paths).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class DenseMatchingBenchmark {

	@Param("2000")
	int mentees;

	@Param("500")
	int mentors;

	@Param("4")
	int places;

	@Param({ "uniform", "popular" })
	String scores;

	@Param("20261126")
	long seed;

	private AssignmentProblem problem;

	private int[] denseScores;

	private final AssignmentSolver solver = new AssignmentSolver();

	@Setup(Level.Trial)
	public void instance() {
		Loader.loadNativeLibraries();
		Random random = new Random(seed);
		AssignmentProblem.Builder builder = AssignmentProblem.builder(mentees, mentors);
		denseScores = new int[mentees * mentors];
		for (int j = 0; j < mentors; j++) {
			builder.places(j, places);
		}
		for (int i = 0; i < mentees; i++) {
			for (int j = 0; j < mentors; j++) {
				int score = "popular".equals(scores) ? (int) (5000.0 * j / mentors) + random.nextInt(5001)
						: random.nextInt(10_001);
				denseScores[i * mentors + j] = score;
				builder.score(i, j, score);
			}
		}
		problem = builder.build();
		Assignment ours = solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL);
		long reference = minCostFlow();
		if (ours.total() != reference || ours.matched() != Math.min(mentees, mentors * places)) {
			throw new IllegalStateException("solvers disagree: " + ours + " vs OR-Tools total " + reference);
		}
		System.out.printf("%n[%s] optimum: %d matched, total %d (both solvers; OR-Tools status OPTIMAL)%n", scores,
				ours.matched(), ours.total());
	}

	/** The service's solver: successive shortest augmenting paths over mentors with places. */
	@Benchmark
	public long assignmentSolver() {
		return solver.solve(problem, Objective.MOST_MATCHED_THEN_TOTAL).total();
	}

	/** The reference: OR-Tools' min-cost flow, network built and solved (max flow at min cost). */
	@Benchmark
	public long orToolsMinCostFlow() {
		return minCostFlow();
	}

	private long minCostFlow() {
		MinCostFlow flow = new MinCostFlow(mentees + mentors + 2, mentees * mentors + mentees + mentors);
		try {
			int source = mentees + mentors;
			int sink = source + 1;
			for (int i = 0; i < mentees; i++) {
				flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
				int base = i * mentors;
				for (int j = 0; j < mentors; j++) {
					flow.addArcWithCapacityAndUnitCost(i, mentees + j, 1, -denseScores[base + j]);
				}
			}
			for (int j = 0; j < mentors; j++) {
				flow.addArcWithCapacityAndUnitCost(mentees + j, sink, places, 0);
			}
			flow.setNodeSupply(source, mentees);
			flow.setNodeSupply(sink, -mentees);
			MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
			if (status != MinCostFlowBase.Status.OPTIMAL) {
				throw new IllegalStateException("OR-Tools: " + status);
			}
			return -flow.getOptimalCost();
		}
		finally {
			flow.delete();
		}
	}

}
