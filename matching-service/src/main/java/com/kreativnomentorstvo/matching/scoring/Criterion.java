package com.kreativnomentorstvo.matching.scoring;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;

/**
 * A soft criterion: it adds points to a pair's score in proportion to its weight in the policy. One
 * per criterion of the published list ({@link MatchingCriterion}), whose names and default weights
 * it takes: a programme's policy can weigh exactly what is scored here.
 */
public enum Criterion {

	/** How well the mentor's skills cover the mentee's goals, by goal priority and skill level. */
	GOALS(MatchingCriterion.GOALS),

	/** Weekly time both have said they are available, up to two hours a week. */
	AVAILABILITY(MatchingCriterion.AVAILABILITY),

	/** How close their time zones are, up to twelve hours apart. */
	TIMEZONE(MatchingCriterion.TIMEZONE),

	/** Different countries (the programme prefers cross-border pairs) or the same (it avoids them). */
	COUNTRY(MatchingCriterion.COUNTRY),

	/** Whether the mentee asked for this mentor, or either asked not to be paired with the other. */
	PREFERENCES(MatchingCriterion.PREFERENCES);

	private static final Map<String, Criterion> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Criterion::code, Function.identity()));

	private final MatchingCriterion published;

	Criterion(MatchingCriterion published) {
		this.published = published;
	}

	/** The name used in policies, requests and explanations, e.g. {@code goals}. */
	public String code() {
		return published.code();
	}

	/** The weight when the programme's policy does not give one. */
	public int defaultWeight() {
		return published.defaultWeight();
	}

	/** The criterion of the published list it scores. */
	public MatchingCriterion published() {
		return published;
	}

	public static Optional<Criterion> ofCode(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

}
