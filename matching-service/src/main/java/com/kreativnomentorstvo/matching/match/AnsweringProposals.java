package com.kreativnomentorstvo.matching.match;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * The mentor or the mentee answers a proposal, as whichever of the caller's enrolments is one of
 * them. Both accepting starts the mentorship; a decline returns the mentee to the pool.
 */
@Service
class AnsweringProposals {

	private final VisibleMatches visible;

	private final Participants participants;

	private final ProgrammeAccess access;

	private final PlaceKeeping placeKeeping;

	private final MatchChanges changes;

	private final ClosingRequestsWhenFull closingRequests;

	AnsweringProposals(VisibleMatches visible, Participants participants, ProgrammeAccess access,
			PlaceKeeping placeKeeping, MatchChanges changes, ClosingRequestsWhenFull closingRequests) {
		this.visible = visible;
		this.participants = participants;
		this.access = access;
		this.placeKeeping = placeKeeping;
		this.changes = changes;
		this.closingRequests = closingRequests;
	}

	/**
	 * Accepts; the mentorship starts when both have. Not once the programme is CLOSED (409 naming
	 * {@code status}): the proposal is left to expire. A mentor accepting a mentee's request takes one
	 * of her places first, and once she is full her other waiting requests are closed.
	 */
	Match accept(Caller caller, String matchId) {
		Match found = visible.find(caller, matchId);
		String as = found.answerer(caller);
		access.find(found.getProgrammeId()).ifPresent(access::requireRunning);
		Match accepted = changes.apply(matchId, match -> {
			if (match.needsMentorPlaceToBeAcceptedBy(as)) {
				takeMentorPlace(match);
			}
			match.accept(as, changes.now());
			return match;
		});
		if (accepted.getStatus() == MatchStatus.ACTIVE) {
			closingRequests.closeIfFull(accepted.getMentorId(), programmeOf(accepted));
		}
		return accepted;
	}

	/** Declines; the mentee returns to the pool. */
	Match decline(Caller caller, String matchId, DeclineReason reason) {
		String as = visible.find(caller, matchId).answerer(caller);
		return changes.apply(matchId, match -> {
			match.decline(as, reason, changes.now());
			return match;
		});
	}

	private void takeMentorPlace(Match match) {
		Participant mentor = participants.findById(match.getMentorId())
			.orElseThrow(() -> new ConflictException("mentor-left", ProblemText.of("match.mentor-left")));
		if (!placeKeeping.takeMentorPlace(match, mentor.capacity(programmeOf(match)))) {
			throw new ConflictException("mentor-full", ProblemText.of("match.mentor-full-left"));
		}
		match.mentorPlaceTaken();
	}

	private Programme programmeOf(Match match) {
		return access.find(match.getProgrammeId())
			.orElseThrow(() -> new ResourceNotFoundException("programme", match.getProgrammeId()));
	}

}
