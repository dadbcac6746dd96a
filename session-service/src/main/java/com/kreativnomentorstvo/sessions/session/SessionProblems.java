package com.kreativnomentorstvo.sessions.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

/** An overlap is a 409 that names the session in the way, so the client can show or move it. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

	private final ProblemTexts texts;

	SessionProblems(ProblemTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(SessionOverlapException.class)
	ResponseEntity<ProblemDetail> overlap(SessionOverlapException ex, Locale locale) {
		ProblemDetail problem = texts.problem(HttpStatus.CONFLICT, ex.code(), ProblemText.of("title.conflict"), ex.text(),
				locale);
		Map<String, Object> conflict = new LinkedHashMap<>();
		conflict.put("sessionId", ex.conflictingSessionId());
		conflict.put("participantId", ex.participantId());
		conflict.put("start", ex.conflictStart());
		conflict.put("end", ex.conflictEnd());
		problem.setProperty("conflict", conflict);
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
