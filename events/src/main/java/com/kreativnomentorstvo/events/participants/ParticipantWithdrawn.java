package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A participant left the programme.
 *
 * @param reason a code, not free text: {@code PERSONAL}, {@code CONSENT_WITHDRAWN}, {@code REMOVED}
 *     or {@code OTHER}
 */
public record ParticipantWithdrawn(String participantId, String programmeId, String organisationId, Role role,
		String reason, Instant withdrawnAt) implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
