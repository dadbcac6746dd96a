package com.kreativnomentorstvo.matching.match;

import java.time.Instant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Self-match: a mentee asks a mentor from her recommendations. Her own place is taken now; the
 * mentor's when she accepts, so a mentor may have more requests than places and the first she
 * accepts win.
 */
@Service
class RequestingAMentor {

	private final ProgrammeAccess access;

	private final ProgrammeMembers members;

	private final PairExplainer explainer;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	RequestingAMentor(ProgrammeAccess access, ProgrammeMembers members, PairExplainer explainer,
			PlaceKeeping placeKeeping, MatchChanges changes) {
		this.access = access;
		this.members = members;
		this.explainer = explainer;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
	}

	Match request(Caller caller, String menteeId, String mentorId) {
		Participant mentee = access.participant(caller, menteeId);
		if (!caller.is(menteeId)) {
			throw new AccessDeniedException("only the mentee herself can ask for a mentor");
		}
		Programme programme = access.find(mentee.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("programme", mentee.getProgrammeId()));
		access.requireMatching(programme);
		if (!mentee.isMentee() || !mentee.isActive()) {
			throw new ConflictException("not-in-pool", ProblemText.of("match.not-in-pool"));
		}
		Participant mentor = members.mentor(programme, mentorId, "mentorId");
		Explanation explanation = explainer.explain(programme, mentee, mentor, "mentorId");
		if (placeKeeping.isFull(mentorId, mentor.capacity(programme))) {
			throw new ConflictException("mentor-full", ProblemText.of("match.mentor-full"));
		}
		String matchId = Match.newId();
		if (!placeKeeping.takeMenteePlace(matchId, menteeId)) {
			throw new ConflictException("mentee-unavailable", ProblemText.of("match.own-open-match"));
		}
		Instant now = changes.now();
		return changes.store(Match.propose(matchId, programme.id(), programme.organiserId(), Origin.SELF_MATCH, null,
				mentorId, menteeId, explanation, Match.deadline(null, now, MatchingTerms.of(programme).responseDays()),
				now));
	}

}
