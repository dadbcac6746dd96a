package com.kreativnomentorstvo.matching;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.match.ClosingOnDeparture;
import com.kreativnomentorstvo.matching.projection.ParticipantProjection;

/**
 * A participant withdraws: she is out of the pool, her open proposals are cancelled and her
 * mentorships end (erasure does the same and more: {@code privacy.Erasure}). Each step is
 * idempotent, so a redelivered event does no harm.
 */
@Service
class Departures {

	private final ParticipantProjection projection;

	private final ClosingOnDeparture closingMatches;

	Departures(ParticipantProjection projection, ClosingOnDeparture closingMatches) {
		this.projection = projection;
		this.closingMatches = closingMatches;
	}

	void withdrawn(String participantId, String programmeId) {
		projection.withdrawn(participantId, programmeId);
		closingMatches.participantLeft(participantId, false);
	}

}
