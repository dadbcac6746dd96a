package com.kreativnomentorstvo.platform.web;

import java.util.List;

/**
 * The request is well-formed but breaks a rule (422), naming each offending field, e.g. an end
 * date before the start date.
 */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.text()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	/** One field at fault, and what is wrong with it. */
	public InvalidFieldsException(String field, ProblemText text) {
		this(List.of(new FieldProblem(field, text)));
	}


	public List<FieldProblem> problems() {
		return problems;
	}

	/** One field and what is wrong with it, worded in the reader's language when the problem is written. */
	public record FieldProblem(String field, ProblemText text) {

		/**
		 * @param key the message key, e.g. {@code field.required}
		 * @param arguments the text's arguments
		 */
		public static FieldProblem of(String field, String key, Object... arguments) {
			return new FieldProblem(field, ProblemText.of(key, arguments));
		}


	}

}
