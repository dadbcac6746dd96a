package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * One side of a pair submitted a milestone review.
 *
 * @param kind {@code MIDTERM} or {@code FINAL}
 */
public record ReviewSubmitted(String reviewId, String mentorshipId, String programmeId, String organisationId,
		String authorId, String authorRole, String kind, Instant submittedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return reviewId;
	}

}
