package com.kreativnomentorstvo.sessions.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.Problems;

/** A full list is a 409 like any conflict, with the list ({@code field}) and its {@code limit} as numbers too. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LimitProblems {

	@ExceptionHandler(LimitReached.class)
	ResponseEntity<ProblemDetail> limitReached(LimitReached ex) {
		ProblemDetail problem = Problems.ofFields(HttpStatus.CONFLICT, LimitReached.CODE, "Limit reached", ex.fields());
		problem.setProperty("field", ex.field());
		problem.setProperty("limit", ex.limit());
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
