package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A programme was set up by its organiser. */
public record ProgrammeCreated(ProgrammeDetails programme, Instant createdAt) implements MentoringEvent {

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
