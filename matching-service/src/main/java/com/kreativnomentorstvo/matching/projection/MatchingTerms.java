package com.kreativnomentorstvo.matching.projection;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.CrossBorder;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * What matching takes from a programme's matching policy, with matching's own defaults where the
 * policy is silent: how pairs are scored, a mentor's places, how long a proposal stays open.
 */
public final class MatchingTerms {

	/** Days a proposal stays open when the policy does not say. */
	public static final int DEFAULT_RESPONSE_DAYS = 7;

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final MatchingPolicy policy;

	private final ZoneId zone;

	private MatchingTerms(MatchingPolicy policy, ZoneId zone) {
		this.policy = policy;
		this.zone = zone;
	}

	public static MatchingTerms of(Programme programme) {
		return new MatchingTerms(programme.matchingPolicy().orElse(null),
				programme.zone().orElse(UTC));
	}

	/** The policy's weights (unknown criteria ignored), stance on borders and organisation rule. */
	public ScoringPolicy scoringPolicy() {
		if (policy == null) {
			return ScoringPolicy.defaults();
		}
		Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
		if (policy.weights() != null) {
			policy.weights().forEach((code, weight) -> Criterion.ofCode(code)
				.ifPresent(criterion -> weights.put(criterion, weight == null ? 0 : Math.max(0, weight))));
		}
		return new ScoringPolicy(weights, CrossBorder.of(policy.crossBorder()), policy.sameOrganisationAllowed());
	}

	/** Places of a mentor who stated no capacity. */
	public int defaultMentorCapacity() {
		return policy == null || policy.defaultMentorCapacity() <= 0 ? 1 : policy.defaultMentorCapacity();
	}

	/** How long a published proposal stays open. */
	public int responseDays() {
		return policy == null || policy.responseDays() <= 0 ? DEFAULT_RESPONSE_DAYS : policy.responseDays();
	}

	public boolean fairnessFirst() {
		return policy != null && policy.fairnessFirst();
	}

	/** The programme's time zone, UTC if it names no valid one. */
	public ZoneId zone() {
		return zone;
	}

}
