package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** One side rated a held session (1–5); the written feedback stays in session-service. */
public record FeedbackSubmitted(String feedbackId, String sessionId, String mentorshipId, String programmeId,
		String organisationId, String authorId, String authorRole, int rating, Instant submittedAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return feedbackId;
	}

}
