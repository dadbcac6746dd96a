package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A mentoring session was booked.
 *
 * @param start the start with the offset of {@code timeZone} at that instant
 * @param timeZone IANA zone the session was booked in
 * @param meetingUrl for an online session, the meeting room link
 * @param venue for an in-person session, the name of the public venue
 * @param sequence iCalendar SEQUENCE of this version of the session (0 when first scheduled)
 */
public record SessionScheduled(String sessionId, String mentorshipId, String programmeId, String organisationId,
		String mentorId, String menteeId, OffsetDateTime start, String timeZone, int durationMinutes,
		SessionMode mode, String meetingUrl, String venue, int sequence, Instant scheduledAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return sessionId;
	}

}
