package com.kreativnomentorstvo.matching.projection;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.CrossBorder;
import com.kreativnomentorstvo.matching.scoring.ScoringPolicy;

/**
 * What matching knows of a programme, from participant-service's events: who runs it (and so which
 * coordinators may see it) and its matching policy. Written only by {@link ParticipantProjection}.
 */
@Document("programmes")
public class Programme {

	/** Days a proposal stays open when the policy does not say. */
	public static final int DEFAULT_RESPONSE_DAYS = 7;

	@Id
	private String id;

	private String organiserId;

	private List<String> partnerIds = new ArrayList<>();

	private String timeZone;

	private MatchingPolicy policy;

	private long programmeVersion;

	protected Programme() {
	}

	public String getId() {
		return id;
	}

	/** The organiser's id, which events about the programme's matches carry. */
	public String getOrganiserId() {
		return organiserId;
	}

	/** The organiser and every partner organisation: whose coordinators may see the programme. */
	public List<String> organisations() {
		List<String> organisations = new ArrayList<>();
		if (organiserId != null) {
			organisations.add(organiserId);
		}
		if (partnerIds != null) {
			organisations.addAll(partnerIds);
		}
		return organisations;
	}

	public ZoneId zone() {
		try {
			return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (RuntimeException unknown) {
			return ZoneId.of("UTC");
		}
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

}
