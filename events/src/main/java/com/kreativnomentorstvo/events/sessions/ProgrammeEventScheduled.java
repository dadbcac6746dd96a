package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme was scheduled, such as the kick-off or the midterm training.
 *
 * @param kind {@code KICK_OFF}, {@code TRAINING}, {@code MIDTERM_TRAINING} or {@code CLOSING}
 * @param invitedRoles {@code MENTOR}, {@code MENTEE} or both
 * @param titles its title in other languages, by language tag; absent when it has one title only
 */
public record ProgrammeEventScheduled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone, SessionMode mode,
		String meetingUrl, String venue, List<String> invitedRoles, Instant scheduledAt,
		Map<String, String> titles) implements MentoringEvent {

	public ProgrammeEventScheduled {
		// absent rather than empty, as every absent value of the published language
		titles = titles == null || titles.isEmpty() ? null : Map.copyOf(titles);
	}

	/** An event titled in one language only. */
	public ProgrammeEventScheduled(String programmeEventId, String programmeId, String organisationId,
			String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone, SessionMode mode,
			String meetingUrl, String venue, List<String> invitedRoles, Instant scheduledAt) {
		this(programmeEventId, programmeId, organisationId, kind, title, start, end, timeZone, mode, meetingUrl,
				venue, invitedRoles, scheduledAt, null);
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
