package com.kreativnomentorstvo.platform.web;

/**
 * The resource does not exist, or the caller may not know that it does: both answer 404, so
 * another organisation's ids reveal nothing.
 */
public class ResourceNotFoundException extends RuntimeException {

	/** The key of the answer's detail, e.g. "programme p-1 not found". */
	static final String DETAIL = "not-found.resource";

	private final String resource;

	private final String id;

	/**
	 * @param resource what is missing, as {@link ProblemText#resourceName} takes it, e.g.
	 *     {@code matching run}
	 */
	public ResourceNotFoundException(String resource, String id) {
		super(resource + " " + id + " not found");
		this.resource = resource;
		this.id = id;
	}

	public String resource() {
		return resource;
	}

	public String id() {
		return id;
	}

	/** The answer's detail: the resource's name in the reader's language (English if none), and its id. */
	ProblemText text() {
		return ProblemText.of(DETAIL, ProblemText.resourceName(resource), id);
	}

}
