package com.kreativnomentorstvo.gateway.routing;

/**
 * Where a route's circuit breaker forwards a call its service cannot answer. Only the gateway's own
 * forward reaches it: the security chain refuses it to callers.
 */
public final class Fallbacks {

	/** The fallback of a service, followed by its name. */
	public static final String PATH = "/unavailable/";

	private Fallbacks() {
	}

}
