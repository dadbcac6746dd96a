package com.kreativnomentorstvo.platform.web;

/** A change came without {@code If-Match} where the resource requires one (428). */
public class PreconditionRequiredException extends RuntimeException {

	public PreconditionRequiredException(String message) {
		super(message);
	}

}
