package com.kreativnomentorstvo.platform.web;

/** The request clashes with the resource's current state (409), e.g. an overlapping session. */
public class ConflictException extends RuntimeException {

	private final String code;

	/**
	 * @param code a stable, machine-readable name of the conflict, e.g. {@code enrolment-closed}
	 * @param message what clashes, for a person
	 */
	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

}
