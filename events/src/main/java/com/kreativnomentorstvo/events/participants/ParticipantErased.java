package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A participant's personal data was erased on request; every service drops what it kept of her. */
public record ParticipantErased(String participantId, String programmeId, String organisationId, Instant erasedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
