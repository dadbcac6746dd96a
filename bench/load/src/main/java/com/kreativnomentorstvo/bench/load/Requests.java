package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The requests of a load, and what counts as the answer expected for each. */
interface Requests {

	/** The request with this number (0, 1, 2, ... in the order they are sent). */
	HttpRequest request(long number);

	/**
	 * Whether the answer is the one expected; called once per answer, from the client's threads, and
	 * the place to keep what the answer carries (the id of what was created, when).
	 */
	boolean answered(long number, HttpResponse<String> response);

	/** The same GET every time, answered 200. */
	static Requests get(HttpRequest request) {
		return new Requests() {

			@Override
			public HttpRequest request(long number) {
				return request;
			}

			@Override
			public boolean answered(long number, HttpResponse<String> response) {
				return response.statusCode() == 200;
			}
		};
	}

}
