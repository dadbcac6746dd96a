package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A session was called off.
 *
 * @param reason a code, not free text: {@code SCHEDULE_CONFLICT}, {@code ILLNESS},
 *     {@code MENTORSHIP_ENDED} or {@code OTHER}
 */
public record SessionCancelled(String sessionId, String mentorshipId, String programmeId, String organisationId,
		String mentorId, String menteeId, OffsetDateTime start, String timeZone, String cancelledBy, String reason,
		int sequence, Instant cancelledAt) implements MentoringEvent {

	@Override
	public String subject() {
		return sessionId;
	}

}
