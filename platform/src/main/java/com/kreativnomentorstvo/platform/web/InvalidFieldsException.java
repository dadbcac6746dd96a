package com.kreativnomentorstvo.platform.web;

import java.util.List;

/**
 * The request is well-formed but breaks a rule (422), naming each offending field, e.g. an end
 * date before the start date.
 */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public InvalidFieldsException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

}
