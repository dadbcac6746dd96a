package com.kreativnomentorstvo.events.matching;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** Both sides accepted (or a coordinator matched them): the pair's mentorship begins. */
public record MentorshipStarted(String mentorshipId, String matchId, String programmeId, String organisationId,
		String mentorId, String menteeId, Instant startedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return mentorshipId;
	}

}
