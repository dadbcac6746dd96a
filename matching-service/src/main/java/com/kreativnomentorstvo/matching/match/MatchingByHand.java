package com.kreativnomentorstvo.matching.match;

import java.time.Instant;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.MatchingTerms;
import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * A programme's runner pairs two people by hand: proposed to both, or started at once when they
 * already agreed. Both places are taken first, so that a full mentor is refused.
 */
@Service
class MatchingByHand {

	private final ProgrammeAccess access;

	private final ProgrammeMembers members;

	private final PairExplainer explainer;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	MatchingByHand(ProgrammeAccess access, ProgrammeMembers members, PairExplainer explainer,
			PlaceKeeping placeKeeping, MatchChanges changes) {
		this.access = access;
		this.members = members;
		this.explainer = explainer;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
	}

	/**
	 * @param respondBy the deadline for answers; the programme's number of days if {@code null}
	 * @param startNow both already agreed: the mentorship starts at once
	 */
	Match match(Caller caller, String programmeId, String mentorId, String menteeId, Instant respondBy,
			boolean startNow) {
		Programme programme = access.runForMatching(caller, programmeId);
		Participant mentee = members.mentee(programme, menteeId, "menteeId");
		Participant mentor = members.mentor(programme, mentorId, "mentorId");
		Explanation explanation = explainer.explain(programme, mentee, mentor, "mentorId");
		Instant deadline = startNow ? null
				: Match.deadline(respondBy, changes.now(), MatchingTerms.of(programme).responseDays());
		String matchId = Match.newId();
		placeKeeping.takeBoth(matchId, menteeId, mentorId, mentor.capacity(programme)).ifPresent(shortage -> {
			throw switch (shortage) {
				case MENTEE_UNAVAILABLE -> new ConflictException(shortage.code(),
						ProblemText.of("match.mentee-unavailable"));
				case MENTOR_FULL -> new ConflictException(shortage.code(), ProblemText.of("match.mentor-full"));
			};
		});
		Instant now = changes.now();
		return changes.store(startNow
				? Match.startDirectly(matchId, programmeId, programme.organiserId(), mentorId, menteeId, explanation,
						now)
				: Match.propose(matchId, programmeId, programme.organiserId(), Origin.MANUAL, null, mentorId,
						menteeId, explanation, deadline, now));
	}

}
