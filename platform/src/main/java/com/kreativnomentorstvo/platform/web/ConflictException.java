package com.kreativnomentorstvo.platform.web;

import java.util.List;

/** The request clashes with the resource's current state (409), e.g. an overlapping session. */
public class ConflictException extends RuntimeException {

	private final String code;

	private final ProblemText text;

	private final List<InvalidFieldsException.FieldProblem> fields;

	/**
	 * @param code a stable, machine-readable name of the conflict, e.g. {@code enrolment-closed}
	 * @param text what clashes, for a person
	 */
	public ConflictException(String code, ProblemText text) {
		this(code, text, null);
	}

	/**
	 * @param field the request field whose value clashes (e.g. an e-mail address already applying),
	 *     listed under {@code errors}
	 */
	public ConflictException(String code, ProblemText text, String field) {
		super(text.toString());
		this.code = code;
		this.text = text;
		this.fields = field == null ? List.of() : List.of(new InvalidFieldsException.FieldProblem(field, text));
	}

	public String code() {
		return code;
	}

	/** What clashes, for a person. */
	public ProblemText text() {
		return text;
	}

	/** The fields at fault, if the conflict is about some. */
	public List<InvalidFieldsException.FieldProblem> fields() {
		return fields;
	}

}
