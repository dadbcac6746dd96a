package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A participant was asked to answer a programme's survey, once its trigger happened for her; the
 * survey's questions and her answers stay in session-service.
 *
 * @param trigger what asked her: {@code AFTER_SESSION}, {@code DAY_30}, {@code MIDTERM} or {@code CLOSING}
 * @param dueBy until when her answer is expected
 */
public record SurveyRequested(String requestId, String surveyId, String programmeId, String organisationId,
		String participantId, String trigger, Instant dueBy, Instant requestedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return requestId;
	}

}
