package com.kreativnomentorstvo.events.matching;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A mentorship ended.
 *
 * @param reason a code, not free text: {@code COMPLETED}, {@code ENDED_BY_COORDINATOR},
 *     {@code PARTICIPANT_WITHDRAWN} or {@code PARTICIPANT_ERASED}
 */
public record MentorshipEnded(String mentorshipId, String programmeId, String organisationId, String mentorId,
		String menteeId, String reason, Instant endedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return mentorshipId;
	}

}
