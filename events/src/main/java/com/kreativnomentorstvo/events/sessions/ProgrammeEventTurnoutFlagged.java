package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A group event coming soon has few acceptances: fewer of its invitees answered yes than the
 * programme expects, so its coordinators may remind the cohort or move it. Flagged once per event.
 *
 * @param invited how many participants the event invites
 * @param accepted how many answered yes
 * @param undecided how many answered maybe
 */
public record ProgrammeEventTurnoutFlagged(String programmeEventId, String programmeId, String organisationId,
		String kind, String title, OffsetDateTime start, String timeZone, int invited, int accepted, int undecided,
		Instant flaggedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return programmeEventId;
	}

}
