package com.kreativnomentorstvo.matching.match;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.scoring.Candidate;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.matching.scoring.Scorer;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Self-match: a mentee's best mentors, with reasons. Only mentors with a free place now are shown,
 * only those she may be paired with, and none of a proposal she or the mentor declined.
 */
@Service
class Recommendations {

	private final ProgrammeAccess access;

	private final Participants participants;

	private final Places places;

	private final Matches matches;

	private final Clock clock;

	Recommendations(ProgrammeAccess access, Participants participants, Places places, Matches matches, Clock clock) {
		this.access = access;
		this.participants = participants;
		this.places = places;
		this.matches = matches;
		this.clock = clock;
	}

	/** One recommended mentor. */
	record Recommendation(String mentorId, int freePlaces, Explanation explanation) {
	}

	/**
	 * @param canRequest whether she can ask for a mentor now (no open proposal, request or mentorship)
	 */
	record Page(List<Recommendation> items, long total, boolean canRequest) {
	}

	Page recommend(Caller caller, String menteeId, int page, int size) {
		Participant mentee = access.participant(caller, menteeId);
		if (!mentee.isMentee()) {
			throw new InvalidFieldsException("participantId", ProblemText.of("match.recommendations-for-mentees"));
		}
		Programme programme = access.find(mentee.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("participant", menteeId));
		List<Participant> mentors = participants.findByProgrammeIdAndRole(programme.id(), Role.MENTOR)
			.stream()
			.filter(Participant::isActive)
			.toList();
		List<String> ids = new ArrayList<>(mentors.stream().map(Participant::getId).toList());
		ids.add(menteeId);
		Map<String, Integer> taken = places.taken(ids);
		// a mentor she declined, or who declined her, is not shown to her again
		Set<String> declined = matches.findByMenteeIdAndStatusIn(menteeId, Set.of(MatchStatus.DECLINED))
			.stream()
			.map(Match::getMentorId)
			.collect(Collectors.toSet());
		MatchingTerms terms = MatchingTerms.of(programme);
		Scorer scorer = new Scorer(terms.scoringPolicy(), clock.instant(), terms.zone());
		Candidate candidate = scorer.candidate(mentee.profile());
		record Scored(Participant mentor, Candidate candidate, int free, int score) {
		}
		List<Scored> ranked = new ArrayList<>();
		for (Participant mentor : mentors) {
			int free = mentor.capacity(programme) - taken.getOrDefault(mentor.getId(), 0);
			if (free <= 0 || declined.contains(mentor.getId())) {
				continue; // never advertise a mentor beyond her free capacity
			}
			Candidate mentorCandidate = scorer.candidate(mentor.profile());
			if (scorer.blockedBy(candidate, mentorCandidate) == null) {
				ranked.add(new Scored(mentor, mentorCandidate, free, scorer.score(candidate, mentorCandidate)));
			}
		}
		ranked.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.mentor().getId()));
		List<Recommendation> items = ranked.stream()
			.skip((long) page * size)
			.limit(size)
			.map(s -> new Recommendation(s.mentor().getId(), s.free(), scorer.explain(candidate, s.candidate())))
			.toList();
		boolean canRequest = mentee.isActive() && taken.getOrDefault(menteeId, 0) == 0;
		return new Page(items, ranked.size(), canRequest);
	}

}
