package com.kreativnomentorstvo.matching.solver;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;

/**
 * Exact optima computed independently of the production solver: exhaustive search for tiny
 * instances, OR-Tools' min-cost flow and its CP-SAT solver for larger ones.
 */
final class ReferenceSolvers {

	static {
		Loader.loadNativeLibraries();
	}

	/** The optimum's figures: matched, worst chosen score (fairness only, else -1) and total. */
	record Optimum(int matched, int worstChosen, long total) {
	}

	/** Tries every assignment (each mentee to any allowed mentor with room, or to nobody). */
	static Optimum bruteForce(AssignmentProblem problem, Objective objective) {
		int[] places = new int[problem.mentors()];
		int[] mentorOf = new int[problem.mentees()];
		for (int j = 0; j < places.length; j++) {
			places[j] = problem.places(j);
		}
		Optimum[] best = { null };
		search(problem, objective, 0, places, mentorOf, best);
		return best[0];
	}

	private static void search(AssignmentProblem problem, Objective objective, int mentee, int[] places, int[] mentorOf,
			Optimum[] best) {
		if (mentee == problem.mentees()) {
			Assignment assignment = Assignment.of(problem, mentorOf);
			Optimum candidate = new Optimum(assignment.matched(),
					objective == Objective.FAIRNESS_FIRST ? assignment.worstChosen() : -1, assignment.total());
			if (best[0] == null || better(candidate, best[0], objective)) {
				best[0] = candidate;
			}
			return;
		}
		int locked = problem.lockedMentor(mentee);
		for (int j = -1; j < problem.mentors(); j++) {
			if (locked != AssignmentProblem.NO_LOCK && j != locked) {
				continue;
			}
			if (j >= 0 && (!problem.allowed(mentee, j) || places[j] == 0)) {
				continue;
			}
			mentorOf[mentee] = j;
			if (j >= 0) {
				places[j]--;
			}
			search(problem, objective, mentee + 1, places, mentorOf, best);
			if (j >= 0) {
				places[j]++;
			}
		}
	}

	private static boolean better(Optimum a, Optimum b, Objective objective) {
		if (a.matched() != b.matched()) {
			return a.matched() > b.matched();
		}
		if (objective == Objective.FAIRNESS_FIRST && a.worstChosen() != b.worstChosen()) {
			// no chosen pair (-1) only happens when nothing is chosen, then both agree
			return a.worstChosen() > b.worstChosen();
		}
		return a.total() > b.total();
	}

	/**
	 * OR-Tools' min-cost flow (source → mentees → mentors → sink), maximum flow at minimum cost: as
	 * many matched as possible, then the highest total. Locked pairs are taken out first.
	 */
	static Optimum minCostFlow(AssignmentProblem problem) {
		int n = problem.mentees();
		int m = problem.mentors();
		int[] places = new int[m];
		long lockedTotal = 0;
		int locked = 0;
		for (int j = 0; j < m; j++) {
			places[j] = problem.places(j);
		}
		for (int i = 0; i < n; i++) {
			int j = problem.lockedMentor(i);
			if (j != AssignmentProblem.NO_LOCK) {
				places[j]--;
				lockedTotal += problem.score(i, j);
				locked++;
			}
		}
		MinCostFlow flow = new MinCostFlow();
		try {
			int source = n + m;
			int sink = n + m + 1;
			for (int i = 0; i < n; i++) {
				if (problem.lockedMentor(i) != AssignmentProblem.NO_LOCK) {
					continue;
				}
				flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
				for (int j = 0; j < m; j++) {
					if (problem.allowed(i, j)) {
						flow.addArcWithCapacityAndUnitCost(i, n + j, 1, -problem.score(i, j));
					}
				}
			}
			for (int j = 0; j < m; j++) {
				flow.addArcWithCapacityAndUnitCost(n + j, sink, places[j], 0);
			}
			flow.setNodeSupply(source, n);
			flow.setNodeSupply(sink, -n);
			MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
			if (status != MinCostFlowBase.Status.OPTIMAL) {
				throw new IllegalStateException("min-cost flow: " + status);
			}
			return new Optimum(locked + (int) flow.getMaximumFlow(), -1, lockedTotal - flow.getOptimalCost());
		}
		finally {
			flow.delete();
		}
	}

	/**
	 * CP-SAT, lexicographically: the most matched, then (fairness first) the best worst chosen pair,
	 * then the highest total, each stage fixing the previous optimum.
	 */
	static Optimum constraintProgramming(AssignmentProblem problem, Objective objective) {
		int n = problem.mentees();
		int m = problem.mentors();
		int maxScore = Math.max(1, problem.maxScore());
		CpModel model = new CpModel();
		List<BoolVar> chosen = new ArrayList<>();
		List<Integer> scores = new ArrayList<>();
		List<List<BoolVar>> perMentor = new ArrayList<>();
		for (int j = 0; j < m; j++) {
			perMentor.add(new ArrayList<>());
		}
		long lockedTotal = 0;
		int locked = 0;
		int[] lockedPerMentor = new int[m];
		for (int i = 0; i < n; i++) {
			int j0 = problem.lockedMentor(i);
			if (j0 != AssignmentProblem.NO_LOCK) {
				lockedTotal += problem.score(i, j0);
				locked++;
				lockedPerMentor[j0]++;
				continue;
			}
			List<BoolVar> row = new ArrayList<>();
			for (int j = 0; j < m; j++) {
				if (problem.allowed(i, j)) {
					BoolVar x = model.newBoolVar("x" + i + "_" + j);
					row.add(x);
					chosen.add(x);
					scores.add(problem.score(i, j));
					perMentor.get(j).add(x);
				}
			}
			if (!row.isEmpty()) {
				model.addLessOrEqual(LinearExpr.sum(row.toArray(BoolVar[]::new)), 1);
			}
		}
		for (int j = 0; j < m; j++) {
			if (!perMentor.get(j).isEmpty()) {
				model.addLessOrEqual(LinearExpr.sum(perMentor.get(j).toArray(BoolVar[]::new)),
						problem.places(j) - lockedPerMentor[j]);
			}
		}
		BoolVar[] x = chosen.toArray(BoolVar[]::new);
		long[] s = scores.stream().mapToLong(Integer::longValue).toArray();
		if (x.length == 0) {
			return new Optimum(locked, -1, lockedTotal);
		}
		LinearExpr count = LinearExpr.sum(x);
		model.maximize(count);
		long most = solve(model);
		model.addEquality(count, most);
		int worst = -1;
		if (objective == Objective.FAIRNESS_FIRST && most > 0) {
			IntVar floor = model.newIntVar(0, maxScore, "floor");
			for (int k = 0; k < x.length; k++) {
				// floor <= s_k whenever pair k is chosen
				model.addLessOrEqual(LinearExpr.weightedSum(new com.google.ortools.sat.LinearArgument[] { floor, x[k] },
						new long[] { 1, maxScore }), s[k] + maxScore);
			}
			model.clearObjective();
			model.maximize(floor);
			worst = (int) solve(model);
			model.addGreaterOrEqual(floor, worst);
		}
		model.clearObjective();
		model.maximize(LinearExpr.weightedSum(x, s));
		long total = solve(model);
		return new Optimum(locked + (int) most, worst, lockedTotal + total);
	}

	private static long solve(CpModel model) {
		CpSolver solver = new CpSolver();
		solver.getParameters().setNumWorkers(1).setRandomSeed(7);
		CpSolverStatus status = solver.solve(model);
		if (status != CpSolverStatus.OPTIMAL) {
			throw new IllegalStateException("CP-SAT: " + status);
		}
		return Math.round(solver.objectiveValue());
	}

	private ReferenceSolvers() {
	}

}
