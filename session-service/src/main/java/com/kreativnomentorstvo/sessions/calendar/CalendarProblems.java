package com.kreativnomentorstvo.sessions.calendar;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.Problems;

/** The feed is open to anonymous requests (its token is the credential); without any, it is a 401. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarProblems {

	@ExceptionHandler(CalendarController.MissingCredentials.class)
	ResponseEntity<ProblemDetail> unauthenticated(CalendarController.MissingCredentials ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", ex.getMessage()));
	}

}
