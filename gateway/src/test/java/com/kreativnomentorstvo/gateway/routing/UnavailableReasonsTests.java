package com.kreativnomentorstvo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

class UnavailableReasonsTests {

	@Test
	void eachFailureIsNamedForTheOperator() {
		assertThat(UnavailableController.reason(CallNotPermittedException
			.createCallNotPermittedException(CircuitBreaker.ofDefaults("s")))).isEqualTo("circuit-open");
		assertThat(UnavailableController.reason(
				BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("s")))).isEqualTo("busy");
		assertThat(UnavailableController.reason(new TimeoutException())).isEqualTo("timeout");
		assertThat(UnavailableController.reason(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))).isEqualTo("timeout");
		assertThat(UnavailableController.reason(new IllegalStateException(new ConnectException("refused"))))
			.isEqualTo("unreachable");
		assertThat(UnavailableController.reason(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)))
			.isEqualTo("failing");
		assertThat(UnavailableController.reason(null)).isEqualTo("failing");
	}

}
