package com.kreativnomentorstvo.matching.solver;

import java.util.Arrays;

/**
 * Bertsekas' auction with epsilon scaling, for mentors with places: tried first by
 * {@link AssignmentSolver}, which keeps its result only when the auction proves it optimal and
 * otherwise solves by {@link ShortestAugmentingPaths}.
 *
 * <p>Every place has a price. A free mentee bids for the place that costs her least (the pair's cost
 * plus the place's price) and raises its price by her margin over her next best place plus
 * epsilon; whoever held the place is let go and bids in turn. Leaving a mentee unmatched is a place
 * that is always open at no price and a cost above any set of pairs, as in the shortest paths. When
 * everyone is placed, each mentee pays at most epsilon more than the least she could
 * (epsilon-complementary slackness). Epsilon starts large, so prices find their level in a few
 * coarse rounds, and shrinks {@value #SHRINK}-fold per round; each round starts with everyone free
 * and the last round's prices, less what all places have in common (which would otherwise drift
 * from round to round until leaving someone unmatched looked cheaper).
 *
 * <p>Costs are multiplied by the number of mentees plus one, and the last round runs with epsilon 1.
 * If then no free place is dearer than any held place (the unmatched place counts as held at price
 * 0 when someone is unmatched), any other assignment costs at least this one's cost minus one
 * epsilon per mentee, which is less than one unit of the original, integer costs: the assignment is
 * optimal (Bertsekas, <i>Network Optimization</i>, the asymmetric assignment problem, with the
 * proof's prices; {@link #freePlacesNoDearerThanHeld}). The check holds whenever every place ends up
 * held, as when mentees fill the places, the benchmark's case. It can fail when a place stays free
 * at a price from an earlier round, and the auction gives up after {@value #BIDS_PER_MENTEE} bids per
 * mentee (50 to 80 are typical in all). With more mentees than places it is not tried: prices would
 * have to climb towards the cost of leaving someone unmatched. In each of these cases
 * {@link #solve} returns {@code null} and the solver uses the shortest paths.
 */
final class PriceAuction {

	/** Epsilon's reduction per round. */
	static final int SHRINK = 4;

	/** Bids per mentee, over all rounds, before the auction gives up (about 50 to 80 are typical). */
	static final int BIDS_PER_MENTEE = 150;

	private static final long INFINITE = Long.MAX_VALUE / 4;

	private final int m;

	private final int[] scores;

	private final int floor;

	private final int maxScore;

	// per mentor and place: its price and the mentee holding it (-1: free)
	private final long[][] price;

	private final int[][] holder;

	// per mentor: the cheapest place, its price (INFINITE without places) and the next cheapest price
	private final int[] cheapest;

	private final long[] cheapestPrice;

	private final long[] nextPrice;

	// per mentee: her mentor, m when unmatched, -1 while free
	private final int[] mentorOf;

	private long scale;

	private long unmatchedCost;

	private long bidsLeft;

	/**
	 * @param scores row-major scores, negative where the pair is not allowed
	 * @param places free places per mentor (already reduced by locked pairs)
	 * @param floor pairs scoring below it are not allowed
	 */
	PriceAuction(int n, int m, int[] scores, int[] places, int floor, int maxScore) {
		this.m = m;
		this.scores = scores;
		this.floor = Math.max(0, floor);
		this.maxScore = maxScore;
		this.price = new long[m][];
		this.holder = new int[m][];
		for (int j = 0; j < m; j++) {
			price[j] = new long[Math.min(places[j], n)];
			holder[j] = new int[price[j].length];
		}
		this.cheapest = new int[m];
		this.cheapestPrice = new long[m];
		this.nextPrice = new long[m];
		this.mentorOf = new int[n];
		Arrays.fill(mentorOf, Assignment.UNMATCHED);
	}

	/**
	 * Assigns the given mentees.
	 *
	 * @return a mentor index or {@link Assignment#UNMATCHED} per mentee (all n), proven optimal; or
	 * {@code null} if the auction could not prove its result optimal
	 */
	int[] solve(int[] rows) {
		if ((rows.length + 1.0) * (rows.length + 1.0) * (maxScore + 1.0) > Long.MAX_VALUE / 16.0) {
			return null; // scaled costs and prices would not fit in a long
		}
		if (rows.length > Arrays.stream(price).mapToInt(places -> places.length).sum()) {
			return null; // more mentees than places (see the class comment)
		}
		bidsLeft = (long) BIDS_PER_MENTEE * rows.length;
		scale = rows.length + 1L;
		unmatchedCost = scale * ((rows.length + 1L) * (maxScore + 1) + 1);
		long epsilon = Math.max(1, scale * maxScore / SHRINK);
		while (true) {
			if (!round(rows, epsilon)) {
				return null;
			}
			if (epsilon == 1) {
				break;
			}
			epsilon = Math.max(1, epsilon / SHRINK);
		}
		if (!freePlacesNoDearerThanHeld(rows)) {
			return null;
		}
		int[] result = mentorOf.clone();
		for (int i : rows) {
			if (result[i] == m) {
				result[i] = Assignment.UNMATCHED;
			}
		}
		return result;
	}

	/** One round: everyone free, then bids until everyone is placed; false once over budget. */
	private boolean round(int[] rows, long epsilon) {
		// a rise every place shares tells nobody anything, but would drift towards the unmatched cost
		long shared = INFINITE;
		for (long[] prices : price) {
			for (long p : prices) {
				shared = Math.min(shared, p);
			}
		}
		for (int j = 0; j < m; j++) {
			for (int k = 0; k < price[j].length; k++) {
				price[j][k] -= shared;
			}
			Arrays.fill(holder[j], -1);
			reprice(j);
		}
		for (int i : rows) {
			mentorOf[i] = -1;
		}
		for (int i : rows) {
			int bidder = i;
			while (bidder >= 0) {
				if (--bidsLeft < 0) {
					return false;
				}
				bidder = bid(bidder, epsilon);
			}
		}
		return true;
	}

	/** One bid of a free mentee; returns the mentee she displaced, or -1. */
	private int bid(int i, long epsilon) {
		int base = i * m;
		long best = unmatchedCost;
		int bestMentor = m;
		long second = INFINITE;
		for (int j = 0; j < m; j++) {
			int score = scores[base + j];
			if (score >= floor) {
				long cost = scale * (maxScore - score) + cheapestPrice[j];
				if (cost < best) {
					second = best;
					best = cost;
					bestMentor = j;
				}
				else if (cost < second) {
					second = cost;
				}
			}
		}
		if (bestMentor == m) {
			mentorOf[i] = m;
			return -1;
		}
		// the same mentor's next cheapest place is an alternative too
		second = Math.min(second, scale * (maxScore - scores[base + bestMentor]) + nextPrice[bestMentor]);
		int place = cheapest[bestMentor];
		int displaced = holder[bestMentor][place];
		long raised = price[bestMentor][place] + second - best + epsilon;
		if (displaced < 0) {
			// a free place is never raised above leaving her unmatched: nobody is there to outbid
			raised = Math.min(raised, Math.max(price[bestMentor][place], unmatchedCost - 1 - (best - price[bestMentor][place])));
		}
		price[bestMentor][place] = raised;
		holder[bestMentor][place] = i;
		mentorOf[i] = bestMentor;
		if (displaced >= 0) {
			mentorOf[displaced] = -1;
		}
		reprice(bestMentor);
		return displaced;
	}

	/** Finds the mentor's cheapest place and the next cheapest price. */
	private void reprice(int j) {
		long[] prices = price[j];
		if (prices.length == 0) {
			cheapestPrice[j] = INFINITE;
			nextPrice[j] = INFINITE;
			return;
		}
		int best = 0;
		long next = INFINITE;
		for (int k = 1; k < prices.length; k++) {
			if (prices[k] < prices[best]) {
				next = prices[best];
				best = k;
			}
			else {
				next = Math.min(next, prices[k]);
			}
		}
		cheapest[j] = best;
		cheapestPrice[j] = prices[best];
		nextPrice[j] = next;
	}

	/** The condition that makes the last round's assignment optimal (see the class comment). */
	private boolean freePlacesNoDearerThanHeld(int[] rows) {
		long dearestFree = Long.MIN_VALUE;
		long cheapestHeld = Long.MAX_VALUE;
		int unmatched = 0;
		for (int i : rows) {
			if (mentorOf[i] == m) {
				unmatched++;
			}
		}
		if (unmatched > 0) {
			cheapestHeld = 0;
		}
		if (unmatched < rows.length) {
			dearestFree = 0; // the unmatched place has a copy per mentee
		}
		for (int j = 0; j < m; j++) {
			for (int k = 0; k < price[j].length; k++) {
				if (holder[j][k] >= 0) {
					cheapestHeld = Math.min(cheapestHeld, price[j][k]);
				}
				else {
					dearestFree = Math.max(dearestFree, price[j][k]);
				}
			}
		}
		return dearestFree <= cheapestHeld;
	}

}
