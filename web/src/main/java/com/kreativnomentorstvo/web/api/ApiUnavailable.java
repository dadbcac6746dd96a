package com.kreativnomentorstvo.web.api;

/**
 * A service did not answer in time, could not be reached, or its circuit is open: the page says so and
 * offers to try again.
 */
public final class ApiUnavailable extends RuntimeException {

	private final String service;

	ApiUnavailable(String service, String path, Throwable cause) {
		super(service + " did not answer for " + path, cause);
		this.service = service;
	}

	ApiUnavailable(String path, Throwable cause) {
		super("The API did not answer for " + path, cause);
		this.service = null;
	}

	/**
	 * Whether the call was not even made, its service's circuit being open after its recent failures: the
	 * web application's own decision, repeated for each page until the service answers again.
	 */
	public boolean circuitOpen() {
		return getCause() instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException;
	}

	/** The service that did not answer, as the API's route table names it; {@code null} when not known. */
	public String service() {
		return service;
	}

}
