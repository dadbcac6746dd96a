package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A programme changed; carries the whole new state so consumers can replace what they hold. */
public record ProgrammeUpdated(ProgrammeDetails programme, long version, Instant updatedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return programme.programmeId();
	}

	@Override
	public String programmeId() {
		return programme.programmeId();
	}

	@Override
	public String organisationId() {
		return programme.organiserId();
	}

}
