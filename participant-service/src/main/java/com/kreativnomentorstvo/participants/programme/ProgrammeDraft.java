package com.kreativnomentorstvo.participants.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;

/** Everything a programme is made of except its id and organiser, once defaults are filled in. */
record ProgrammeDraft(String name, List<String> partnerIds, LocalDate startsOn, LocalDate endsOn, String timeZone,
		List<String> languages, List<Milestone> milestones, LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn,
		List<String> taxonomy, MatchingPolicy matchingPolicy, Map<String, String> names) {

	ProgrammeDraft {
		names = names == null ? Map.of() : Map.copyOf(names);
		partnerIds = List.copyOf(partnerIds);
		languages = List.copyOf(languages);
		milestones = List.copyOf(milestones);
		taxonomy = List.copyOf(taxonomy);
	}

	ProgrammeDraft withMilestones(List<Milestone> newMilestones) {
		return new ProgrammeDraft(name, partnerIds, startsOn, endsOn, timeZone, languages, newMilestones,
				enrolmentOpensOn, enrolmentClosesOn, taxonomy, matchingPolicy, names);
	}

}
