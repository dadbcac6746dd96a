package com.kreativnomentorstvo.events.sessions;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/** A participant answered the survey she was asked; her answers stay in session-service. */
public record SurveyAnswered(String requestId, String surveyId, String programmeId, String organisationId,
		String participantId, Instant answeredAt) implements MentoringEvent {

	@Override
	public String subject() {
		return requestId;
	}

}
