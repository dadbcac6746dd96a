package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * Minimum-cost assignment of mentees to mentors with places, by successive shortest augmenting
 * paths (the Hungarian method generalised to columns with capacities): mentees join one at a time;
 * each joins along the cheapest path in the residual graph, found by Dijkstra over mentors with
 * reduced costs, so the assignment stays optimal for the mentees seen so far and the dual
 * potentials stay feasible. A mentor is never split into copies per place: a full mentor, once
 * reached, leads on to every mentee she holds.
 *
 * <p>The cost of a pair is {@code maxScore - score}; leaving a mentee unmatched costs more than any
 * set of pairs could ({@code (n + 1) * maxScore + 1}), which makes "as many matched as possible"
 * the first priority and the total score the second. Pairs below a floor are left out, for the
 * fairness-first objective.
 *
 * <p>Dense: {@code O(m)} per Dijkstra step plus {@code O(m)} per mentee that a reached mentor holds.
 */
final class ShortestAugmentingPaths {

	private static final long INFINITE = Long.MAX_VALUE / 4;

	private final int n;

	private final int m;

	private final int[] scores;

	private final int floor;

	private final int maxScore;

	private final long unmatchedCost;

	private final int[] places;

	// mentees held by each mentor: rowsOf[j][0..load[j])
	private final int[][] rowsOf;

	private final int[] load;

	// mentor of each mentee: 0..m-1, UNMATCHED_COLUMN (= m) for "left unmatched", -1 before it joins
	private final int[] colOf;

	private final long[] u;

	private final long[] v;

	// Dijkstra state, reused across mentees
	private final long[] dist;

	private final int[] reachedFrom;

	private final int[] unusedCols;

	private final int[] usedCols;

	private final long[] rowDist;

	private final int[] treeRows;

	/**
	 * @param scores row-major scores, negative where the pair is not allowed
	 * @param places free places per mentor (already reduced by locked pairs)
	 * @param floor pairs scoring below it are not allowed
	 */
	ShortestAugmentingPaths(int n, int m, int[] scores, int[] places, int floor, int maxScore) {
		this.n = n;
		this.m = m;
		this.scores = scores;
		this.floor = Math.max(0, floor);
		this.maxScore = maxScore;
		this.unmatchedCost = (long) (n + 1) * (maxScore + 1) + 1;
		this.places = places;
		this.rowsOf = new int[m][];
		for (int j = 0; j < m; j++) {
			rowsOf[j] = new int[Math.min(places[j], n)];
		}
		this.load = new int[m];
		this.colOf = new int[n];
		Arrays.fill(colOf, -1);
		this.u = new long[n];
		this.v = new long[m];
		this.dist = new long[m + 1];
		this.reachedFrom = new int[m + 1];
		this.unusedCols = new int[m];
		this.usedCols = new int[m];
		this.rowDist = new long[n];
		this.treeRows = new int[n];
	}

	/** Assigns the given mentees; the result holds a mentor index or -1 per mentee (all n rows). */
	int[] solve(int[] rowsToAssign) {
		for (int row : rowsToAssign) {
			join(row);
		}
		int[] result = new int[n];
		for (int i = 0; i < n; i++) {
			result[i] = colOf[i] >= 0 && colOf[i] < m ? colOf[i] : Assignment.UNMATCHED;
		}
		return result;
	}

	private void join(int r) {
		final int unmatched = m;
		int unused = 0;
		for (int j = 0; j < m; j++) {
			if (places[j] > 0) {
				unusedCols[unused++] = j;
			}
			dist[j] = INFINITE;
		}
		int used = 0;
		int tree = 0;
		// the pseudo-column "unmatched" is always free: the search ends there at the latest
		dist[unmatched] = INFINITE;
		reachedFrom[unmatched] = -1;

		int expandRowsFromCol = -1;
		long d = 0;
		treeRows[tree++] = r;
		rowDist[r] = 0;
		int firstRow = r;
		int end;
		while (true) {
			// relax from the rows that just entered the tree (the new mentee, or a full mentor's mentees)
			int count = expandRowsFromCol < 0 ? 1 : load[expandRowsFromCol];
			for (int k = 0; k < count; k++) {
				int i = expandRowsFromCol < 0 ? firstRow : rowsOf[expandRowsFromCol][k];
				if (expandRowsFromCol >= 0) {
					rowDist[i] = d;
					treeRows[tree++] = i;
				}
				long offset = d - u[i] + maxScore;
				int base = i * m;
				for (int k2 = 0; k2 < unused; k2++) {
					int j = unusedCols[k2];
					int s = scores[base + j];
					if (s >= floor) {
						long candidate = offset - s - v[j];
						if (candidate < dist[j]) {
							dist[j] = candidate;
							reachedFrom[j] = i;
						}
					}
				}
				long toUnmatched = d - u[i] + unmatchedCost;
				if (toUnmatched < dist[unmatched]) {
					dist[unmatched] = toUnmatched;
					reachedFrom[unmatched] = i;
				}
			}
			// the closest mentor not yet in the tree
			int bestK = -1;
			long best = dist[unmatched];
			boolean bestHasRoom = true;
			for (int k2 = 0; k2 < unused; k2++) {
				int j = unusedCols[k2];
				long candidate = dist[j];
				// among equally close mentors prefer one with a free place: the search ends there
				if (candidate < best || (candidate == best && !bestHasRoom && load[j] < places[j])) {
					best = candidate;
					bestK = k2;
					bestHasRoom = load[j] < places[j];
				}
			}
			if (bestK < 0) {
				end = unmatched;
				d = best;
				break;
			}
			int j = unusedCols[bestK];
			d = best;
			if (load[j] < places[j]) {
				end = j;
				break;
			}
			unusedCols[bestK] = unusedCols[--unused];
			usedCols[used++] = j;
			expandRowsFromCol = j;
		}
		// potentials: every node in the tree moves by how much closer it was than the end
		for (int k = 0; k < used; k++) {
			int j = usedCols[k];
			v[j] -= d - dist[j];
		}
		for (int k = 0; k < tree; k++) {
			int i = treeRows[k];
			u[i] += d - rowDist[i];
		}
		// augment: walk back from the end, moving each mentee on the path one mentor forward
		int col = end;
		while (true) {
			int i = reachedFrom[col];
			int previous = colOf[i];
			place(i, col);
			if (i == r) {
				break;
			}
			remove(i, previous);
			col = previous;
		}
	}

	private void place(int i, int col) {
		colOf[i] = col;
		if (col < m) {
			rowsOf[col][load[col]++] = i;
		}
	}

	private void remove(int i, int col) {
		int[] rows = rowsOf[col];
		int last = --load[col];
		for (int k = 0; k <= last; k++) {
			if (rows[k] == i) {
				rows[k] = rows[last];
				return;
			}
		}
		throw new IllegalStateException("mentee " + i + " not held by mentor " + col);
	}

}
