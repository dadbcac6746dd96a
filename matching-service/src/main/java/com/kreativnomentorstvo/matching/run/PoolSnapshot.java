package com.kreativnomentorstvo.matching.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.matching.match.Places;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.MentorInput;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * Today's pool of a programme, as a run keeps it: the active mentees without a proposal, request or
 * mentorship, and every active mentor with her capacity and the places still free now.
 */
@Component
class PoolSnapshot {

	private final Participants participants;

	private final Places places;

	PoolSnapshot(Participants participants, Places places) {
		this.participants = participants;
		this.places = places;
	}

	Inputs of(Programme programme) {
		List<Participant> mentees = active(programme, Role.MENTEE);
		List<Participant> mentors = active(programme, Role.MENTOR);
		List<String> ids = new ArrayList<>();
		mentees.forEach(p -> ids.add(p.getId()));
		mentors.forEach(p -> ids.add(p.getId()));
		Map<String, Integer> taken = places.taken(ids);
		List<Profile> pool = mentees.stream()
			.filter(mentee -> taken.getOrDefault(mentee.getId(), 0) == 0)
			.map(Participant::profile)
			.toList();
		List<MentorInput> mentorInputs = mentors.stream().map(mentor -> {
			int capacity = mentor.capacity(programme);
			return new MentorInput(mentor.profile(), capacity,
					Math.max(0, capacity - taken.getOrDefault(mentor.getId(), 0)));
		}).toList();
		return new Inputs(pool, mentorInputs, List.of());
	}

	/** In the order of their ids, so that a run's inputs do not depend on the store's order. */
	private List<Participant> active(Programme programme, Role role) {
		return participants.findByProgrammeIdAndRole(programme.id(), role)
			.stream()
			.filter(Participant::isActive)
			.sorted(Comparator.comparing(Participant::getId))
			.toList();
	}

}
