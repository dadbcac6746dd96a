package com.kreativnomentorstvo.events.participants;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria a matching policy weighs: the names {@link MatchingPolicy#weights()} may hold.
 * participant-service accepts these and no other names, matching-service scores exactly these; a
 * criterion a policy leaves out counts at its default weight.
 */
public enum MatchingCriterion {

	/** How well the mentor's skills cover the mentee's goals. */
	GOALS("goals", 40),

	/** Weekly time both have said they are available. */
	AVAILABILITY("availability", 20),

	/** How close their time zones are. */
	TIMEZONE("timezone", 10),

	/** Different countries or the same, as the programme's stance on borders wants. */
	COUNTRY("country", 15),

	/** What the mentee asked for, or either asked to avoid. */
	PREFERENCES("preferences", 15);

	private final String code;

	private final int defaultWeight;

	MatchingCriterion(String code, int defaultWeight) {
		this.code = code;
		this.defaultWeight = defaultWeight;
	}

	/** The name in policies, requests and explanations, e.g. {@code goals}. */
	public String code() {
		return code;
	}

	/** The weight when a policy does not give one. */
	public int defaultWeight() {
		return defaultWeight;
	}

	public static Optional<MatchingCriterion> ofCode(String code) {
		return Arrays.stream(values()).filter(criterion -> criterion.code.equals(code)).findFirst();
	}

	/** Every criterion's name, in order. */
	public static List<String> codes() {
		return Arrays.stream(values()).map(MatchingCriterion::code).toList();
	}

	/** Every criterion at its default weight, in order. */
	public static Map<String, Integer> defaults() {
		return complete(Map.of());
	}

	/**
	 * The weights as a policy holds them: every criterion in order, those left out at their default
	 * weight. Names that are not criteria are dropped (a policy stored before this list).
	 */
	public static Map<String, Integer> complete(Map<String, Integer> weights) {
		Map<String, Integer> complete = new LinkedHashMap<>();
		for (MatchingCriterion criterion : values()) {
			Integer weight = weights == null ? null : weights.get(criterion.code);
			complete.put(criterion.code, weight == null ? criterion.defaultWeight : weight);
		}
		return Collections.unmodifiableMap(complete);
	}

}
