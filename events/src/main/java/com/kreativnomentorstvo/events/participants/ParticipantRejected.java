package com.kreativnomentorstvo.events.participants;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A coordinator did not admit an applicant.
 *
 * @param reason a code, never free text: {@code PROGRAMME_FULL}, {@code NOT_ELIGIBLE},
 *     {@code INCOMPLETE_APPLICATION} or {@code OTHER}
 */
public record ParticipantRejected(String participantId, String programmeId, String organisationId, Role role,
		String reason, Instant rejectedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return participantId;
	}

}
