package com.kreativnomentorstvo.bench.matching;

import java.util.Arrays;
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
import com.google.ortools.graph.MaxFlow;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.kreativnomentorstvo.matching.solver.Assignment;
import com.kreativnomentorstvo.matching.solver.AssignmentProblem;
import com.kreativnomentorstvo.matching.solver.AssignmentSolver;
import com.kreativnomentorstvo.matching.solver.Objective;

/**
 * One matching run's optimisation: 2,000 mentees and 500 mentors with 4 places each, every pair
 * allowed with a random score (0–100.00 in hundredths, as the service scores). The service's
 * solver beside OR-Tools on the same instance and objective, in the same run. Before measuring,
 * the trial checks that both reach the same optimum and that OR-Tools reports every solve OPTIMAL.
 *
 * <p>{@code uniform}: independent scores, the case. {@code popular}: half of every score
 * grows with the mentor's index, so everyone competes for the same mentors (harder for augmenting
 * paths).
 *
 * <p>{@code MOST_MATCHED_THEN_TOTAL}: one min-cost flow for OR-Tools. {@code FAIRNESS_FIRST} (the
 * best worst pair before the total) is not a min-cost flow objective; OR-Tools gets the same two
 * steps as the service: the highest score floor at which a maximum flow still matches as many
 * (its max flow, binary search over the distinct scores), then the min-cost flow over the pairs at
 * or above the floor.
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

	@Param({ "MOST_MATCHED_THEN_TOTAL", "FAIRNESS_FIRST" })
	Objective objective;

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
		Assignment ours = solver.solve(problem, objective);
		Optimum reference = orTools();
		if (ours.total() != reference.total() || ours.matched() != reference.matched()
				|| (objective == Objective.FAIRNESS_FIRST && ours.worstChosen() != reference.floor())) {
			throw new IllegalStateException("solvers disagree: " + ours + " vs OR-Tools " + reference);
		}
		System.out.printf("%n[%s, %s] optimum: %d matched, worst pair %d, total %d (both solvers; OR-Tools status OPTIMAL)%n",
				scores, objective, ours.matched(), ours.worstChosen(), ours.total());
	}

	/** The service's solver: an auction proven optimal, else successive shortest augmenting paths. */
	@Benchmark
	public long assignmentSolver() {
		return solver.solve(problem, objective).total();
	}

	/** The reference: OR-Tools' min-cost flow (after its max flows for the fairness floor), networks built and solved. */
	@Benchmark
	public long orToolsMinCostFlow() {
		return orTools().total();
	}

	/** OR-Tools' optimum: matched, total and (fairness first) the floor; {@code floor} 0 otherwise. */
	record Optimum(long matched, long total, int floor) {
	}

	private Optimum orTools() {
		int floor = objective == Objective.FAIRNESS_FIRST ? fairnessFloor() : 0;
		return minCostFlow(floor);
	}

	/** The highest score floor at which a maximum flow matches as many mentees as with every pair. */
	private int fairnessFloor() {
		int[] thresholds = Arrays.stream(denseScores).distinct().sorted().toArray();
		long most = maxFlow(thresholds[0]);
		int lo = 0;
		int hi = thresholds.length - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (maxFlow(thresholds[mid]) == most) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		return thresholds[lo];
	}

	private long maxFlow(int floor) {
		MaxFlow flow = new MaxFlow();
		try {
			int source = mentees + mentors;
			int sink = source + 1;
			for (int i = 0; i < mentees; i++) {
				flow.addArcWithCapacity(source, i, 1);
				int base = i * mentors;
				for (int j = 0; j < mentors; j++) {
					if (denseScores[base + j] >= floor) {
						flow.addArcWithCapacity(i, mentees + j, 1);
					}
				}
			}
			for (int j = 0; j < mentors; j++) {
				flow.addArcWithCapacity(mentees + j, sink, places);
			}
			MaxFlow.Status status = flow.solve(source, sink);
			if (status != MaxFlow.Status.OPTIMAL) {
				throw new IllegalStateException("OR-Tools max flow: " + status);
			}
			return flow.getOptimalFlow();
		}
		finally {
			flow.delete();
		}
	}

	private Optimum minCostFlow(int floor) {
		MinCostFlow flow = new MinCostFlow(mentees + mentors + 2, mentees * mentors + mentees + mentors);
		try {
			int source = mentees + mentors;
			int sink = source + 1;
			for (int i = 0; i < mentees; i++) {
				flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
				int base = i * mentors;
				for (int j = 0; j < mentors; j++) {
					if (denseScores[base + j] >= floor) {
						flow.addArcWithCapacityAndUnitCost(i, mentees + j, 1, -denseScores[base + j]);
					}
				}
			}
			for (int j = 0; j < mentors; j++) {
				flow.addArcWithCapacityAndUnitCost(mentees + j, sink, places, 0);
			}
			flow.setNodeSupply(source, mentees);
			flow.setNodeSupply(sink, -mentees);
			MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
			if (status != MinCostFlowBase.Status.OPTIMAL) {
				throw new IllegalStateException("OR-Tools min-cost flow: " + status);
			}
			return new Optimum(flow.getMaximumFlow(), -flow.getOptimalCost(), floor);
		}
		finally {
			flow.delete();
		}
	}

}
