package com.kreativnomentorstvo.events.matching;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** One side of a proposed match accepted it; {@code acceptedBy} is that participant's id. */
public record MatchAccepted(String matchId, String programmeId, String organisationId, String mentorId,
		String menteeId, String acceptedBy, Instant acceptedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return matchId;
	}

}
