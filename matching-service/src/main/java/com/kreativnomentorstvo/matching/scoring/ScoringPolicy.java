package com.kreativnomentorstvo.matching.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How pairs are scored: the weight of each criterion, the stance on borders and whether one
 * organisation's people may be paired. The weights are shares: each criterion can give at most
 * its weight's share of 100 points.
 */
public record ScoringPolicy(Map<Criterion, Integer> weights, CrossBorder crossBorder, boolean sameOrganisationAllowed) {

	/** Points are kept in hundredths so that the contributions add up to the score exactly. */
	public static final int FULL_SCORE = 100_00;

	public ScoringPolicy {
		EnumMap<Criterion, Integer> complete = new EnumMap<>(Criterion.class);
		for (Criterion criterion : Criterion.values()) {
			Integer weight = weights == null ? null : weights.get(criterion);
			complete.put(criterion, weight == null ? criterion.defaultWeight() : weight);
		}
		weights = Map.copyOf(complete);
		crossBorder = crossBorder == null ? CrossBorder.NEUTRAL : crossBorder;
	}

	/** The defaults: every criterion at its default weight, neutral on borders, one organisation allowed. */
	public static ScoringPolicy defaults() {
		return new ScoringPolicy(Map.of(), CrossBorder.NEUTRAL, true);
	}

	/** Weights by criterion code, for storing and showing. */
	public Map<String, Integer> weightsByCode() {
		Map<String, Integer> byCode = new LinkedHashMap<>();
		for (Criterion criterion : Criterion.values()) {
			byCode.put(criterion.code(), weights.get(criterion));
		}
		return byCode;
	}

	/**
	 * The most each criterion can give, in hundredths of a point: 100 points shared out by weight
	 * (largest remainders, so the shares add up to exactly 100). A neutral stance on borders gives
	 * the country criterion nothing.
	 */
	public int[] maxPoints() {
		Criterion[] criteria = Criterion.values();
		long[] effective = new long[criteria.length];
		long sum = 0;
		for (Criterion criterion : criteria) {
			int weight = Math.max(0, weights.get(criterion));
			if (criterion == Criterion.COUNTRY && crossBorder == CrossBorder.NEUTRAL) {
				weight = 0;
			}
			effective[criterion.ordinal()] = weight;
			sum += weight;
		}
		int[] max = new int[criteria.length];
		if (sum == 0) {
			return max;
		}
		int given = 0;
		long[] remainders = new long[criteria.length];
		for (int k = 0; k < criteria.length; k++) {
			long share = effective[k] * FULL_SCORE;
			max[k] = (int) (share / sum);
			remainders[k] = share % sum;
			given += max[k];
		}
		List<Integer> order = IntStream.range(0, criteria.length).boxed().collect(Collectors.toCollection(ArrayList::new));
		order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a]) : a - b);
		for (int k = 0; given < FULL_SCORE; k++) {
			max[order.get(k)]++;
			given++;
		}
		return max;
	}

}
