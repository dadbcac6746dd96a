package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A programme moved to another status, by its dates or by its organiser's coordinators. A
 * coordinator's reason stays in participant-service: it is free text.
 *
 * @param from the status it had; absent for a programme stored before programmes had one
 * @param by {@code DATES} (the programme's calendar) or {@code COORDINATOR}
 */
public record ProgrammeStatusChanged(String programmeId, String organiserId, ProgrammeStatus from,
		ProgrammeStatus to, String by, Instant at) implements MentoringEvent {

	/** What moved a programme: its calendar. */
	public static final String BY_DATES = "DATES";

	/** What moved a programme: one of its organiser's coordinators (or an administrator). */
	public static final String BY_COORDINATOR = "COORDINATOR";

	@Override
	public String subject() {
		return programmeId;
	}

	@Override
	public String organisationId() {
		return organiserId;
	}

}
