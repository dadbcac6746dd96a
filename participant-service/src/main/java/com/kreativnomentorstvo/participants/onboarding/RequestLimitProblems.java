package com.kreativnomentorstvo.participants.onboarding;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.platform.web.Problems;

/**
 * A limit of {@link RequestLimits} reached, wherever it is counted (applications, password resets,
 * certificate verifications): 429 with {@code Retry-After}, naming the field whose limit it was.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class RequestLimitProblems {

	private final ProblemTexts texts;

	RequestLimitProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(TooManyRequests.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequests ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()))
			.header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.body(texts.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
					ProblemText.of("title.too-many-requests"), List.of(new FieldProblem(ex.field(), ex.text())), locale));
	}

}
