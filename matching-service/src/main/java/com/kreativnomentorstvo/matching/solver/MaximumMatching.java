package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * The largest number of mentees that can be matched using only pairs scoring at least a floor,
 * with mentors' places as capacities: Hopcroft–Karp generalised to mentors with several places
 * (shortest augmenting paths in phases, a breadth-first layering then depth-first augmentation).
 */
final class MaximumMatching {

	private final int n;

	private final int m;

	private final int[] scores;

	private final int[] places;

	private final int[] rows;

	MaximumMatching(int n, int m, int[] scores, int[] places, int[] rows) {
		this.n = n;
		this.m = m;
		this.scores = scores;
		this.places = places;
		this.rows = rows;
	}

	/** The size of a maximum matching of the given mentees with pairs scoring at least {@code floor}. */
	int size(int floor) {
		int[] colOf = new int[n];
		Arrays.fill(colOf, -1);
		int[][] rowsOf = new int[m][];
		int[] load = new int[m];
		for (int j = 0; j < m; j++) {
			rowsOf[j] = new int[Math.min(places[j], n)];
		}
		int matched = 0;
		// greedy start
		for (int i : rows) {
			int base = i * m;
			for (int j = 0; j < m; j++) {
				if (scores[base + j] >= floor && load[j] < places[j]) {
					colOf[i] = j;
					rowsOf[j][load[j]++] = i;
					matched++;
					break;
				}
			}
		}
		int[] level = new int[n];
		int[] queue = new int[n];
		int[] colLevel = new int[m];
		// iterative depth-first search state
		int[] stackRow = new int[n + 1];
		int[] stackCol = new int[n + 1];
		int[] nextCol = new int[n];
		int[] nextHeld = new int[n];
		while (true) {
			// layer the graph from every free mentee
			Arrays.fill(level, -1);
			Arrays.fill(colLevel, -1);
			int head = 0;
			int tail = 0;
			for (int i : rows) {
				if (colOf[i] < 0) {
					level[i] = 0;
					queue[tail++] = i;
				}
			}
			int freeLevel = Integer.MAX_VALUE;
			while (head < tail) {
				int i = queue[head++];
				if (level[i] >= freeLevel) {
					break;
				}
				int base = i * m;
				for (int j = 0; j < m; j++) {
					if (colLevel[j] >= 0 || scores[base + j] < floor || colOf[i] == j || places[j] == 0) {
						continue;
					}
					colLevel[j] = level[i];
					if (load[j] < places[j]) {
						freeLevel = Math.min(freeLevel, level[i] + 1);
						continue;
					}
					for (int k = 0; k < load[j]; k++) {
						int held = rowsOf[j][k];
						if (level[held] < 0) {
							level[held] = level[i] + 1;
							queue[tail++] = held;
						}
					}
				}
			}
			if (freeLevel == Integer.MAX_VALUE) {
				return matched;
			}
			// augment along vertex-disjoint shortest paths
			Arrays.fill(nextCol, 0);
			for (int start : rows) {
				if (colOf[start] >= 0 || level[start] != 0) {
					continue;
				}
				int depth = 0;
				stackRow[0] = start;
				boolean augmented = false;
				while (depth >= 0 && !augmented) {
					int i = stackRow[depth];
					int base = i * m;
					boolean advanced = false;
					while (nextCol[i] < m) {
						int j = nextCol[i];
						if (scores[base + j] < floor || colLevel[j] != level[i] || colOf[i] == j || places[j] == 0) {
							nextCol[i]++;
							continue;
						}
						if (load[j] < places[j]) {
							stackCol[depth] = j;
							augmented = true;
							advanced = true;
							break;
						}
						// continue through a mentee the full mentor holds, one layer further
						int k = nextHeld[i];
						while (k < load[j] && level[rowsOf[j][k]] != level[i] + 1) {
							k++;
						}
						if (k < load[j]) {
							nextHeld[i] = k + 1;
							stackCol[depth] = j;
							stackRow[++depth] = rowsOf[j][k];
							nextHeld[rowsOf[j][k]] = 0;
							advanced = true;
							break;
						}
						nextHeld[i] = 0;
						nextCol[i]++;
					}
					if (!advanced) {
						level[i] = -1; // dead end: never try this mentee again in this phase
						depth--;
					}
				}
				if (augmented) {
					// shift: each mentee on the path moves to the next mentor
					for (int k = depth; k >= 0; k--) {
						int i = stackRow[k];
						int j = stackCol[k];
						if (colOf[i] >= 0) {
							remove(rowsOf, load, colOf[i], i);
						}
						colOf[i] = j;
						rowsOf[j][load[j]++] = i;
					}
					for (int k = 0; k <= depth; k++) {
						level[stackRow[k]] = -1; // vertex-disjoint paths within a phase
					}
					matched++;
				}
			}
		}
	}

	private static void remove(int[][] rowsOf, int[] load, int j, int i) {
		int[] held = rowsOf[j];
		int last = --load[j];
		for (int k = 0; k <= last; k++) {
			if (held[k] == i) {
				held[k] = held[last];
				return;
			}
		}
		throw new IllegalStateException("mentee " + i + " not held by mentor " + j);
	}

}
