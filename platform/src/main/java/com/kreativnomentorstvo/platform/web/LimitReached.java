package com.kreativnomentorstvo.platform.web;

/**
 * A stored list is full (409 {@code limit-reached}): the answer names the list ({@code field}) and
 * its limit, so a client can tell the person what to remove or change instead.
 */
public class LimitReached extends ConflictException {

	/** The problem code, {@code urn:mentoring:problem:limit-reached}. */
	public static final String CODE = "limit-reached";

	private final String field;

	private final int limit;

	/**
	 * @param field the list that is full, as the resource's JSON names it (e.g. {@code goals})
	 * @param limit the most entries it may hold
	 * @param text what is full, for a person
	 */
	public LimitReached(String field, int limit, ProblemText text) {
		super(CODE, text, field);
		this.field = field;
		this.limit = limit;
	}

	public String field() {
		return field;
	}

	public int limit() {
		return limit;
	}

}
