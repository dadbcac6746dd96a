package com.kreativnomentorstvo.sessions.calendar;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;

/** The feed is open to anonymous requests (its token is the credential); without any, it is a 401. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarProblems {

	private final ProblemTexts texts;

	CalendarProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(CalendarController.MissingCredentials.class)
	ResponseEntity<ProblemDetail> unauthenticated(CalendarController.MissingCredentials ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(texts.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", ProblemText.of("title.unauthenticated"),
					CalendarController.MissingCredentials.TEXT, locale));
	}

}
