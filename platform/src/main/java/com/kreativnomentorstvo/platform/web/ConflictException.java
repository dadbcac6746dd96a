package com.kreativnomentorstvo.platform.web;

import java.util.List;

/** The request clashes with the resource's current state (409), e.g. an overlapping session. */
public class ConflictException extends RuntimeException {

	private final String code;

	private final List<InvalidFieldsException.FieldProblem> fields;

	/**
	 * @param code a stable, machine-readable name of the conflict, e.g. {@code enrolment-closed}
	 * @param message what clashes, for a person
	 */
	public ConflictException(String code, String message) {
		this(code, message, null);
	}

	/**
	 * @param field the request field whose value clashes (e.g. an e-mail address already applying),
	 *     listed under {@code errors}
	 */
	public ConflictException(String code, String message, String field) {
		super(message);
		this.code = code;
		this.fields = field == null ? List.of() : List.of(new InvalidFieldsException.FieldProblem(field, message));
	}

	public String code() {
		return code;
	}

	/** The fields at fault, if the conflict is about some. */
	public List<InvalidFieldsException.FieldProblem> fields() {
		return fields;
	}

}
