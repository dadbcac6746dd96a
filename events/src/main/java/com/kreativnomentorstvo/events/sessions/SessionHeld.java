package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A session took place; its notes stay in session-service. */
public record SessionHeld(String sessionId, String mentorshipId, String programmeId, String organisationId,
		String mentorId, String menteeId, OffsetDateTime start, int durationMinutes, Instant heldAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return sessionId;
	}

}
