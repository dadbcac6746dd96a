package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * One of a pair wrote to the other in their private thread; the text stays in session-service.
 *
 * @param authorRole the author's side of the pair, {@code MENTOR} or {@code MENTEE}
 * @param recipientId the other member of the pair, who is to be told
 */
public record MessagePosted(String messageId, String mentorshipId, String programmeId, String organisationId,
		String authorId, String authorRole, String recipientId, Instant postedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return messageId;
	}

}
