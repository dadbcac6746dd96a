package com.kreativnomentorstvo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * What every deployable observes of a request: the request itself (timed, traced), not each of the
 * security filters it passes (a timer and a span per filter cost several per cent of the CPU of every
 * request; bench/pages).
 */
public final class ObservedRequests {

	private ObservedRequests() {
	}

	/** The registry times and traces requests, and leaves their security filters alone. */
	public static void assertRequestsAreObservedButNotTheirSecurityFilters(ObservationRegistry observations) {
		assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop())
			.as("the security filter chain is not observed filter by filter")
			.isTrue();
		assertThat(Observation.createNotStarted("spring.security.http.secured.requests", observations).isNoop())
			.as("the secured request is not observed a second time by the security chain")
			.isTrue();
		assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop())
			.as("the request itself is observed")
			.isFalse();
	}

}
