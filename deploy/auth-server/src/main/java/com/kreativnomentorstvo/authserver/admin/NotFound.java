package com.kreativnomentorstvo.authserver.admin;

/** What the request names does not exist: 404. */
class NotFound extends RuntimeException {

	private NotFound(String message) {
		super(message);
	}

	static NotFound account(String id) {
		return new NotFound("There is no account " + id);
	}

}
