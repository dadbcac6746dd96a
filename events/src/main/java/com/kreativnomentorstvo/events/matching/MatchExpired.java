package com.kreativnomentorstvo.events.matching;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** Nobody answered a proposal before its deadline; the mentor's capacity is released. */
public record MatchExpired(String matchId, String programmeId, String organisationId, String mentorId,
		String menteeId, Instant expiredAt) implements MentoringEvent {

	@Override
	public String subject() {
		return matchId;
	}

}
