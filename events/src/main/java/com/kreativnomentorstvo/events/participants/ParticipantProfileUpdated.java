package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A participant's profile or status changed. Carries the whole new profile and its version, so a
 * consumer keeps the newest and ignores an older one that arrives late.
 */
public record ParticipantProfileUpdated(ParticipantProfile profile, long version, Instant updatedAt)
		implements MentoringEvent {

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
