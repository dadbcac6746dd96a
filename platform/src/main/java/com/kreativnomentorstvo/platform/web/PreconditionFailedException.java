package com.kreativnomentorstvo.platform.web;

/** The {@code If-Match} version is not the current one (412): someone else changed it first. */
public class PreconditionFailedException extends RuntimeException {

	private final ProblemText text;

	public PreconditionFailedException(ProblemText text) {
		super(text.toString());
		this.text = text;
	}

	/** What the caller should do, for a person. */
	public ProblemText text() {
		return text;
	}

}
