package com.kreativnomentorstvo.participants.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.Problems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field of a body that cannot be read, also when the value failed inside a parser that
 * Jackson wraps: an impossible date such as {@code 2026-13-01} or time such as {@code 25:00} ends in
 * a {@code DateTimeParseException}, for which the platform's handler, looking only at the innermost
 * cause, answers without the field. Otherwise the same answers as the platform's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableInput {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		JacksonException json = jacksonCause(ex);
		if (json == null) {
			return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
					"The request body is missing or cannot be read"));
		}
		String field = path(json);
		if (field.isEmpty()) {
			return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
					"The body is not valid JSON"));
		}
		String message = json instanceof UnrecognizedPropertyException ? "is not a known field"
				: "has the wrong type or format";
		return respond(Problems.ofFields(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				List.of(new FieldProblem(field, message))));
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	/** The JSON path of the failing value, e.g. {@code availability[0].from}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
