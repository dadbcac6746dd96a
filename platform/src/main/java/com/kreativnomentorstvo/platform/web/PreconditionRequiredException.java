package com.kreativnomentorstvo.platform.web;

/** A change came without {@code If-Match} where the resource requires one (428). */
public class PreconditionRequiredException extends RuntimeException {

	private final ProblemText text;

	/** With an English text that no bundle words: prefer a {@link ProblemText}. */
	public PreconditionRequiredException(String message) {
		this(ProblemText.worded(message));
	}

	public PreconditionRequiredException(ProblemText text) {
		super(text.toString());
		this.text = text;
	}

	/** What the caller should do, for a person. */
	public ProblemText text() {
		return text;
	}

}
