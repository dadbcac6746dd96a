package com.kreativnomentorstvo.matching.scoring;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A soft criterion: it adds points to a pair's score in proportion to its weight in the policy. */
public enum Criterion {

	/** How well the mentor's skills cover the mentee's goals, by goal priority and skill level. */
	GOALS("goals", 40),

	/** Weekly time both have said they are available, up to two hours a week. */
	AVAILABILITY("availability", 20),

	/** How close their time zones are, up to twelve hours apart. */
	TIMEZONE("timezone", 10),

	/** Different countries (the programme prefers cross-border pairs) or the same (it avoids them). */
	COUNTRY("country", 15),

	/** Whether the mentee asked for this mentor, or either asked not to be paired with the other. */
	PREFERENCES("preferences", 15);

	private static final Map<String, Criterion> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Criterion::code, Function.identity()));

	private final String code;

	private final int defaultWeight;

	Criterion(String code, int defaultWeight) {
		this.code = code;
		this.defaultWeight = defaultWeight;
	}

	/** The name used in policies, requests and explanations, e.g. {@code goals}. */
	public String code() {
		return code;
	}

	/** The weight when the programme's policy does not give one. */
	public int defaultWeight() {
		return defaultWeight;
	}

	public static Optional<Criterion> ofCode(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

}
