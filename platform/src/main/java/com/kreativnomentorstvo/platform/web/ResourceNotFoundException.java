package com.kreativnomentorstvo.platform.web;

/**
 * The resource does not exist, or the caller may not know that it does: both answer 404, so
 * another organisation's ids reveal nothing.
 */
public class ResourceNotFoundException extends RuntimeException {

	private final String resource;

	private final String id;

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

}
