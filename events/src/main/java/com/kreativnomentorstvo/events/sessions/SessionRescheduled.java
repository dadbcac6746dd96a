package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A session moved; {@code sequence} is raised so calendars replace the old entry. */
public record SessionRescheduled(String sessionId, String mentorshipId, String programmeId, String organisationId,
		String mentorId, String menteeId, OffsetDateTime previousStart, OffsetDateTime start, String timeZone,
		int durationMinutes, SessionMode mode, String meetingUrl, String venue, int sequence, Instant rescheduledAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return sessionId;
	}

}
