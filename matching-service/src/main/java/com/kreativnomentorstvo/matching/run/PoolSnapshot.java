package com.kreativnomentorstvo.matching.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.matching.match.Match;
import com.kreativnomentorstvo.matching.match.MatchStatus;
import com.kreativnomentorstvo.matching.match.Matches;
import com.kreativnomentorstvo.matching.match.Places;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.run.MatchingRun.Declined;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.MentorInput;
import com.kreativnomentorstvo.matching.run.MatchingRun.Pair;
import com.kreativnomentorstvo.matching.scoring.Profile;
import com.kreativnomentorstvo.platform.programmes.Programme;

/**
 * Today's pool of a programme, as a run keeps it: the active mentees without a proposal, request or
 * mentorship, every active mentor with her capacity and the places still free now, and the pairs
 * among them that were proposed before and declined by one side.
 */
@Component
class PoolSnapshot {

	private final Participants participants;

	private final Places places;

	private final Matches matches;

	PoolSnapshot(Participants participants, Places places, Matches matches) {
		this.participants = participants;
		this.places = places;
		this.matches = matches;
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
		return new Inputs(pool, mentorInputs, List.of(), declined(programme, pool, mentors));
	}

	/** The pairs of the pool one side declined before, the latest decline of each, in a fixed order. */
	private List<Declined> declined(Programme programme, List<Profile> pool, List<Participant> mentors) {
		Set<String> mentees = pool.stream().map(Profile::participantId).collect(Collectors.toSet());
		Set<String> mentorIds = mentors.stream().map(Participant::getId).collect(Collectors.toSet());
		Map<Pair, Declined> latest = new HashMap<>();
		for (Match match : matches.findByProgrammeIdAndStatus(programme.id(), MatchStatus.DECLINED)) {
			if (mentees.contains(match.getMenteeId()) && mentorIds.contains(match.getMentorId())) {
				Declined declined = new Declined(match.getMentorId(), match.getMenteeId(), match.getDeclinedBy(),
						match.getClosedAt());
				latest.merge(declined.pair(), declined,
						(one, other) -> one.declinedAt().isAfter(other.declinedAt()) ? one : other);
			}
		}
		return latest.values()
			.stream()
			.sorted(Comparator.comparing(Declined::menteeId).thenComparing(Declined::mentorId))
			.toList();
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
