package com.kreativnomentorstvo.web.api;

/** The API did not answer in time, or could not be reached: the page says so and offers to try again. */
public final class ApiUnavailable extends RuntimeException {

	ApiUnavailable(String path, Throwable cause) {
		super("The API did not answer for " + path, cause);
	}

}
