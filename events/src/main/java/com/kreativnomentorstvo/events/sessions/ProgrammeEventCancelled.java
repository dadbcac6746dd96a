package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme was called off.
 *
 * @param cancelledBy the account id of the coordinator (or admin) who called it off
 * @param reason a code, not free text: {@code SCHEDULE_CONFLICT}, {@code ILLNESS},
 *     {@code VENUE_UNAVAILABLE}, {@code TOO_FEW_PARTICIPANTS} or {@code OTHER}
 * @param sequence iCalendar SEQUENCE of the cancellation, above that of the last version
 * @param titles its title in other languages, by language tag; absent when it has one title only
 */
public record ProgrammeEventCancelled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone,
		List<String> invitedRoles, String cancelledBy, String reason, int sequence, Instant cancelledAt,
		Map<String, String> titles)
		implements MentoringEvent {

	public ProgrammeEventCancelled {
		// absent rather than empty, as every absent value of the published language
		titles = titles == null || titles.isEmpty() ? null : Map.copyOf(titles);
	}

	/** An event titled in one language only. */
	public ProgrammeEventCancelled(String programmeEventId, String programmeId, String organisationId,
			String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone,
			List<String> invitedRoles, String cancelledBy, String reason, int sequence, Instant cancelledAt) {
		this(programmeEventId, programmeId, organisationId, kind, title, start, end, timeZone, invitedRoles,
				cancelledBy, reason, sequence, cancelledAt, null);
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
