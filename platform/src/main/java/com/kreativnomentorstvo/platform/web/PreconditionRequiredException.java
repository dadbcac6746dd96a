package com.kreativnomentorstvo.platform.web;

/** A change came without {@code If-Match} where the resource requires one (428). */
public class PreconditionRequiredException extends RuntimeException {

	private final ProblemText text;

	public PreconditionRequiredException(ProblemText text) {
		super(text.toString());
		this.text = text;
	}

	/** What the caller should do, for a person. */
	public ProblemText text() {
		return text;
	}

}
