package com.kreativnomentorstvo.participants.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.events.participants.MatchingCriterion;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;

/**
 * A programme as the API shows it. The matching policy is shown to its coordinators only.
 *
 * @param openForEnrolment whether people may apply on their own today
 * @param status where the programme stands today: DRAFT, OPEN, RUNNING, CLOSING, CLOSED or ARCHIVED
 * @param names the programme's name in other languages, by language tag
 * @param previousCycleId the programme this one was copied from as its next cycle; absent for a first cycle
 * @param nextCycleIds the programmes copied from this one as its next cycles (shown to its coordinators)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProgrammeView(String id, String name, String organiserId, List<String> partnerIds, LocalDate startsOn,
		LocalDate endsOn, ProgrammeStatus status, String timeZone, List<String> languages, List<Milestone> milestones,
		LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, boolean openForEnrolment, List<String> taxonomy,
		MatchingPolicy matchingPolicy, Map<String, String> names, String previousCycleId, List<String> nextCycleIds,
		Instant createdAt, Instant updatedAt, long version) {

	static ProgrammeView of(Programme programme, ProgrammeStatus status, boolean withSettings, List<String> nextCycleIds,
			Instant now) {
		return new ProgrammeView(programme.getId(), programme.getName(), programme.getOrganiserId(),
				programme.getPartnerIds(), programme.getStartsOn(), programme.getEndsOn(), status, programme.getTimeZone(),
				programme.getLanguages(), programme.getMilestones(), programme.getEnrolmentOpensOn(),
				programme.getEnrolmentClosesOn(), programme.isOpenForEnrolment(now), programme.getTaxonomy(),
				withSettings ? shown(programme.getMatchingPolicy()) : null,
				programme.getNames().isEmpty() ? null : programme.getNames(), programme.getPreviousCycleId(),
				withSettings && !nextCycleIds.isEmpty() ? nextCycleIds : null, programme.getCreatedAt(),
				programme.getUpdatedAt(),
				programme.getVersion() == null ? 0 : programme.getVersion());
	}

	/** The policy with every criterion's weight, those it leaves out at their default; names from before the list left out. */
	private static MatchingPolicy shown(MatchingPolicy policy) {
		return policy == null ? null
				: new MatchingPolicy(MatchingCriterion.complete(policy.weights()), policy.sameOrganisationAllowed(),
						policy.crossBorder(), policy.defaultMentorCapacity(), policy.responseDays(), policy.fairnessFirst());
	}

}
