package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A person (or an organisation) applied to or was enrolled in a programme as mentor or mentee. */
public record ParticipantEnrolled(ParticipantProfile profile, Instant enrolledAt) implements MentoringEvent {

	@Override
	public String subject() {
		return profile.participantId();
	}

	@Override
	public String programmeId() {
		return profile.programmeId();
	}

	@Override
	public String organisationId() {
		return profile.organisationId();
	}

}
