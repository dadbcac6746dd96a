package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme moved, or changed its title or place. Carries its whole new plan
 * and the invited roles, so a consumer can tell the invitees without having kept anything.
 *
 * @param previousStart the start before the change (equal to {@code start} when only the place or title changed)
 * @param sequence iCalendar SEQUENCE of this version: the scheduled event is 0, every change raises it
 * @param titles its title in other languages, by language tag; absent when it has one title only
 */
public record ProgrammeEventRescheduled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime previousStart, OffsetDateTime start, OffsetDateTime end,
		String timeZone, SessionMode mode, String meetingUrl, String venue, List<String> invitedRoles, int sequence,
		Instant rescheduledAt,
		Map<String, String> titles) implements MentoringEvent {

	public ProgrammeEventRescheduled {
		// absent rather than empty, as every absent value of the published language
		titles = titles == null || titles.isEmpty() ? null : Map.copyOf(titles);
	}

	/** An event titled in one language only. */
	public ProgrammeEventRescheduled(String programmeEventId, String programmeId, String organisationId,
			String kind, String title, OffsetDateTime previousStart, OffsetDateTime start, OffsetDateTime end,
			String timeZone, SessionMode mode, String meetingUrl, String venue, List<String> invitedRoles, int sequence,
			Instant rescheduledAt) {
		this(programmeEventId, programmeId, organisationId, kind, title, previousStart, start, end, timeZone, mode,
				meetingUrl, venue, invitedRoles, sequence, rescheduledAt, null);
	}

	/** Its title in the language of the tag if it has one there, else its title. */
	public String titleIn(String languageTag) {
		return titles == null ? title : titles.getOrDefault(languageTag, title);
	}

	@Override
	public String subject() {
		return programmeEventId;
	}

}
