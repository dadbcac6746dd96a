package com.kreativnomentorstvo.participants.onboarding;

import java.time.Duration;

/** A limit of requests per address or per client was reached (429); the field names which. */
class TooManyRequests extends RuntimeException {

	private final String field;

	private final Duration retryAfter;

	TooManyRequests(String field, String message, Duration retryAfter) {
		super(message);
		this.field = field;
		this.retryAfter = retryAfter;
	}

	String field() {
		return field;
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
