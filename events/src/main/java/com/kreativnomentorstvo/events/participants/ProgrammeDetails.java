package com.kreativnomentorstvo.events.participants;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The state of a programme as other services need it.
 *
 * @param names the programme's name in other languages, by language tag (e.g. {@code sr-Latn}); its
 *     {@code name} stands for every language not named here; absent when there is none
 * @param status where the programme stands; absent from producers that did not know statuses yet
 * @param previousCycleId the programme this one was copied from as its next cycle; absent for a first cycle
 */
public record ProgrammeDetails(String programmeId, String organiserId, List<String> partnerIds, String name,
		LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> languages, List<Milestone> milestones,
		LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, List<String> taxonomy, MatchingPolicy matchingPolicy,
		Map<String, String> names, ProgrammeStatus status, String previousCycleId) {

	public ProgrammeDetails {
		// absent rather than empty, as every absent value of the published language
		names = names == null || names.isEmpty() ? null : Map.copyOf(names);
	}

	/** A first cycle (as producers before next cycles announced it). */
	public ProgrammeDetails(String programmeId, String organiserId, List<String> partnerIds, String name,
			LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> languages, List<Milestone> milestones,
			LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, List<String> taxonomy,
			MatchingPolicy matchingPolicy, Map<String, String> names, ProgrammeStatus status) {
		this(programmeId, organiserId, partnerIds, name, startsOn, endsOn, timeZone, languages, milestones,
				enrolmentOpensOn, enrolmentClosesOn, taxonomy, matchingPolicy, names, status, null);
	}

	/** A programme without a status (as producers before statuses announced it). */
	public ProgrammeDetails(String programmeId, String organiserId, List<String> partnerIds, String name,
			LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> languages, List<Milestone> milestones,
			LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, List<String> taxonomy,
			MatchingPolicy matchingPolicy, Map<String, String> names) {
		this(programmeId, organiserId, partnerIds, name, startsOn, endsOn, timeZone, languages, milestones,
				enrolmentOpensOn, enrolmentClosesOn, taxonomy, matchingPolicy, names, null, null);
	}

	/** A programme named in one language only. */
	public ProgrammeDetails(String programmeId, String organiserId, List<String> partnerIds, String name,
			LocalDate startsOn, LocalDate endsOn, String timeZone, List<String> languages, List<Milestone> milestones,
			LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, List<String> taxonomy,
			MatchingPolicy matchingPolicy) {
		this(programmeId, organiserId, partnerIds, name, startsOn, endsOn, timeZone, languages, milestones,
				enrolmentOpensOn, enrolmentClosesOn, taxonomy, matchingPolicy, null, null, null);
	}

	/** Its name in the language of the tag if it has one there, else its name. */
	public String nameIn(String languageTag) {
		return names == null ? name : names.getOrDefault(languageTag, name);
	}

}
