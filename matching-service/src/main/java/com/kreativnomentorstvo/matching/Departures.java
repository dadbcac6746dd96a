package com.kreativnomentorstvo.matching;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.match.MatchLifecycle;
import com.kreativnomentorstvo.matching.projection.ParticipantProjection;
import com.kreativnomentorstvo.matching.run.Matchmaking;

/**
 * A participant leaves: she is out of the pool, her open proposals are cancelled and her mentorships
 * end; on erasure every run also forgets her profile. Each step is idempotent, so a redelivered
 * event does no harm.
 */
@Service
class Departures {

	private final ParticipantProjection projection;

	private final MatchLifecycle lifecycle;

	private final Matchmaking matchmaking;

	Departures(ParticipantProjection projection, MatchLifecycle lifecycle, Matchmaking matchmaking) {
		this.projection = projection;
		this.lifecycle = lifecycle;
		this.matchmaking = matchmaking;
	}

	void withdrawn(String participantId, String programmeId) {
		projection.withdrawn(participantId, programmeId);
		lifecycle.participantLeft(participantId, false);
	}

	void erased(String participantId, String programmeId) {
		projection.erased(participantId, programmeId);
		lifecycle.participantLeft(participantId, true);
		matchmaking.participantErased(participantId);
	}

}
