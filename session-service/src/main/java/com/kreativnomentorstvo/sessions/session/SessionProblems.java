package com.kreativnomentorstvo.sessions.session;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.Problems;

/** An overlap is a 409 that names the session in the way, so the client can show or move it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

	@ExceptionHandler(SessionOverlapException.class)
	ResponseEntity<ProblemDetail> overlap(SessionOverlapException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.code(), "Conflict", ex.getMessage());
		Map<String, Object> conflict = new LinkedHashMap<>();
		conflict.put("sessionId", ex.conflictingSessionId());
		conflict.put("participantId", ex.participantId());
		conflict.put("start", ex.conflictStart());
		conflict.put("end", ex.conflictEnd());
		problem.setProperty("conflict", conflict);
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
