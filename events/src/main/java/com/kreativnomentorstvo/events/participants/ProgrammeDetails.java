package com.kreativnomentorstvo.events.participants;

import java.time.LocalDate;
import java.util.List;

/** The state of a programme as other services need it. */
public record ProgrammeDetails(String programmeId, String organiserId, List<String> partnerIds, String name,
		LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> languages, List<Milestone> milestones,
		LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, List<String> taxonomy, MatchingPolicy matchingPolicy) {
}
