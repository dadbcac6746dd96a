package com.kreativnomentorstvo.matching.privacy;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.match.ClosingOnDeparture;
import com.kreativnomentorstvo.matching.projection.ParticipantProjection;
import com.kreativnomentorstvo.matching.run.ErasureFromRuns;

/**
 * A participant was erased: she is out of the pool and her profile is forgotten, her open proposals
 * are cancelled and her mentorships end, and every run forgets her. What the {@code ParticipantErased}
 * subscription calls; each step is idempotent, so a redelivered event does no harm.
 */
@Service
public class Erasure {

	private final ParticipantProjection projection;

	private final ClosingOnDeparture closingMatches;

	private final ErasureFromRuns erasureFromRuns;

	Erasure(ParticipantProjection projection, ClosingOnDeparture closingMatches, ErasureFromRuns erasureFromRuns) {
		this.projection = projection;
		this.closingMatches = closingMatches;
		this.erasureFromRuns = erasureFromRuns;
	}

	public void erase(String participantId, String programmeId) {
		projection.erased(participantId, programmeId);
		closingMatches.participantLeft(participantId, true);
		erasureFromRuns.participantErased(participantId);
	}

}
