package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme was scheduled, such as the kick-off or the midterm training.
 *
 * @param kind {@code KICK_OFF}, {@code TRAINING}, {@code MIDTERM_TRAINING} or {@code CLOSING}
 * @param invitedRoles {@code MENTOR}, {@code MENTEE} or both
 */
public record ProgrammeEventScheduled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone, SessionMode mode,
		String meetingUrl, String venue, List<String> invitedRoles, Instant scheduledAt) implements MentoringEvent {

	@Override
	public String subject() {
		return programmeEventId;
	}

}
