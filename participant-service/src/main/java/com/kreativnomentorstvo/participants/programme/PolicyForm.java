package com.kreativnomentorstvo.participants.programme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How a programme wants its pairs formed; any setting left out takes the default.
 *
 * @param weights soft-criterion weights, 0 to 100, by criterion name ({@link MatchingCriterion}); those
 *     left out count at their default weight
 * @param crossBorder whether pairs across borders are preferred, neutral or avoided
 */
record PolicyForm(@Size(max = 20) Map<String, @NotNull @Min(0) @Max(100) Integer> weights, Boolean sameOrganisationAllowed,
		CrossBorder crossBorder, @Min(1) @Max(20) Integer defaultMentorCapacity, @Min(1) @Max(90) Integer responseDays,
		Boolean fairnessFirst) {

	/** Weights of the matching criteria when the organiser names none. */
	static final Map<String, Integer> DEFAULT_WEIGHTS = MatchingCriterion.defaults();

	/** The policy of a programme whose organiser did not state one. */
	static final MatchingPolicy DEFAULT = new MatchingPolicy(DEFAULT_WEIGHTS, false, CrossBorder.PREFER.name(), 2, 7,
			false);

	/** The cross-border preference. */
	enum CrossBorder {

		PREFER, NEUTRAL, AVOID

	}

	/** This form applied over a policy: what it states replaces, what it leaves out stays. */
	MatchingPolicy over(MatchingPolicy base) {
		return new MatchingPolicy(weights != null ? withDefaults(weights) : base.weights(),
				sameOrganisationAllowed != null ? sameOrganisationAllowed : base.sameOrganisationAllowed(),
				crossBorder != null ? crossBorder.name() : base.crossBorder(),
				defaultMentorCapacity != null ? defaultMentorCapacity : base.defaultMentorCapacity(),
				responseDays != null ? responseDays : base.responseDays(),
				fairnessFirst != null ? fairnessFirst : base.fairnessFirst());
	}

	/**
	 * The weights as given, with every criterion they leave out at its default weight (names that
	 * are not criteria stay, for the rules to refuse).
	 */
	static Map<String, Integer> withDefaults(Map<String, Integer> given) {
		Map<String, Integer> weights = new LinkedHashMap<>(MatchingCriterion.complete(given));
		given.forEach(weights::putIfAbsent);
		return Collections.unmodifiableMap(weights);
	}

}
