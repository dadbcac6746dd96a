package com.kreativnomentorstvo.participants.onboarding;

import java.time.Duration;

import com.kreativnomentorstvo.platform.web.ProblemText;

/** A limit of requests per address or per client was reached (429); the field names which. */
class TooManyRequests extends RuntimeException {

	private final String field;

	private final Duration retryAfter;

	private final ProblemText text;

	TooManyRequests(String field, ProblemText text, Duration retryAfter) {
		super(text.toString());
		this.field = field;
		this.text = text;
		this.retryAfter = retryAfter;
	}

	ProblemText text() {
		return text;
	}

	String field() {
		return field;
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
