package com.kreativnomentorstvo.platform.web;

/** The {@code If-Match} version is not the current one (412): someone else changed it first. */
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException(String message) {
		super(message);
	}

}
