package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * The current contact details of a participant: personal data, published only on the compacted
 * contacts topic, where erasure replaces it with a tombstone.
 */
public record ParticipantContactChanged(String participantId, String programmeId, String organisationId,
		String displayName, String email, String preferredLocale, String timeZone, Instant changedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
