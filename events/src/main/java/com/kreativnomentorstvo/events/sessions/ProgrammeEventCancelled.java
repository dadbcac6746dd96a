package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event of a programme was called off.
 *
 * @param cancelledBy the account id of the coordinator (or admin) who called it off
 * @param reason a code, not free text: {@code SCHEDULE_CONFLICT}, {@code ILLNESS},
 *     {@code VENUE_UNAVAILABLE}, {@code TOO_FEW_PARTICIPANTS} or {@code OTHER}
 * @param sequence iCalendar SEQUENCE of the cancellation, above that of the last version
 */
public record ProgrammeEventCancelled(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime start, OffsetDateTime end, String timeZone,
		List<String> invitedRoles, String cancelledBy, String reason, int sequence, Instant cancelledAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return programmeEventId;
	}

}
