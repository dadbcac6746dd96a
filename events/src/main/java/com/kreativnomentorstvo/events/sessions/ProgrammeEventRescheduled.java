package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme moved, or changed its title or place. Carries its whole new plan
 * and the invited roles, so a consumer can tell the invitees without having kept anything.
 *
 * @param previousStart the start before the change (equal to {@code start} when only the place or title changed)
 * @param sequence iCalendar SEQUENCE of this version: the scheduled event is 0, every change raises it
 */
public record ProgrammeEventRescheduled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime previousStart, OffsetDateTime start, OffsetDateTime end,
		String timeZone, SessionMode mode, String meetingUrl, String venue, List<String> invitedRoles, int sequence,
		Instant rescheduledAt) implements MentoringEvent {

	@Override
	public String subject() {
		return programmeEventId;
	}

}
