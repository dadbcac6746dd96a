package com.kreativnomentorstvo.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/** How a page's call is sent to its service and protected there: repetitions, circuit breaker, timeout. */
class ServicesTests {

	private static final String PATH = "/api/v1/sessions/s-1";

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Services.breakerSettings());

	private final Services services = new Services(routes(), breakers);

	private final ApiRoutes.Route sessions = services.routeOf(PATH);

	@Test
	void aPathGoesToTheAddressOfTheServiceThatOwnsIt() {
		assertThat(services.urlOf(services.routeOf("/api/v1/programmes/p-1/matches?status=PROPOSED"),
				"/api/v1/programmes/p-1/matches?status=PROPOSED"))
			.isEqualTo("http://matching.internal:8082/api/v1/programmes/p-1/matches?status=PROPOSED");
		assertThat(services.urlOf(services.routeOf("/api/v1/programmes/p-1"), "/api/v1/programmes/p-1"))
			.isEqualTo("http://participants.internal:8081/api/v1/programmes/p-1");
		assertThat(sessions.name()).isEqualTo("session-service");
		assertThatThrownBy(() -> services.routeOf("/api/v1/nothing")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("/api/v1/nothing");
	}

	@Test
	void eachAddressWaitsForItsServicesTimeout() {
		assertThat(services.timeoutOf(URI.create("http://matching.internal:8082/api/v1/matches/m-1")))
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(services.timeoutOf(URI.create("http://sessions.internal:8083/api/v1/sessions/s-1")))
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aGetIsRepeatedWhenTheServiceRefusedTheConnection() {
		AtomicInteger attempts = new AtomicInteger();

		String answer = services.call(sessions, HttpMethod.GET, PATH, () -> {
			if (attempts.incrementAndGet() < 3) {
				throw new ResourceAccessException("refused", new ConnectException("Connection refused"));
			}
			return "the session";
		});

		assertThat(answer).isEqualTo("the session");
		assertThat(attempts).hasValue(3);
		// the circuit breaker saw one call, and it succeeded
		assertThat(breakers.circuitBreaker("session-service").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
	}

	@Test
	void aWriteIsNotRepeatedAndAServicesOwn503IsNot() {
		AtomicInteger writes = new AtomicInteger();
		AtomicInteger reads = new AtomicInteger();

		assertThatThrownBy(() -> services.call(sessions, HttpMethod.POST, PATH, () -> {
			writes.incrementAndGet();
			throw new ResourceAccessException("refused", new ConnectException("Connection refused"));
		})).isInstanceOf(ApiUnavailable.class);
		assertThatThrownBy(() -> services.call(sessions, HttpMethod.GET, PATH, () -> {
			reads.incrementAndGet();
			throw new ApiProblem(503, "Service Unavailable", "its store is away", Map.of());
		})).isInstanceOf(ApiProblem.class);

		assertThat(writes).hasValue(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void aServiceThatKeepsFailingHasItsCircuitOpenedAndIsNotCalledUntilItMayBeAgain() {
		AtomicInteger attempts = new AtomicInteger();
		for (int call = 0; call < 5; call++) {
			assertThatThrownBy(() -> services.call(sessions, HttpMethod.POST, PATH, () -> {
				attempts.incrementAndGet();
				throw new ResourceAccessException("no answer", new SocketTimeoutException("Read timed out"));
			})).isInstanceOf(ApiUnavailable.class);
		}

		assertThat(breakers.circuitBreaker("session-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatThrownBy(() -> services.call(sessions, HttpMethod.GET, PATH, () -> {
			attempts.incrementAndGet();
			return "never asked";
		})).isInstanceOfSatisfying(ApiUnavailable.class, unavailable -> {
			assertThat(unavailable.service()).isEqualTo("session-service");
			assertThat(unavailable).hasCauseInstanceOf(CallNotPermittedException.class);
		});
		assertThat(attempts).hasValue(5);
		// the other services are called as before
		assertThat(services.call(services.routeOf("/api/v1/programmes"), HttpMethod.GET, "/api/v1/programmes",
				() -> "programmes")).isEqualTo("programmes");
	}

	@Test
	void refusalsOfThePersonCountAsAnsweredCalls() {
		for (int call = 0; call < 10; call++) {
			assertThatThrownBy(() -> services.call(sessions, HttpMethod.GET, PATH, () -> {
				throw new ApiProblem(404, "Not Found", null, Map.of());
			})).isInstanceOf(ApiProblem.class);
		}

		assertThat(breakers.circuitBreaker("session-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private static ApiRoutes routes() {
		Map<String, ApiRoutes.Service> services = new LinkedHashMap<>();
		services.put("matching-service", new ApiRoutes.Service(URI.create("http://matching.internal:8082/"),
				List.of("/api/v1/programmes/*/matches/**", "/api/v1/matches/**"), 0, Duration.ofSeconds(20), true,
				List.of()));
		services.put("session-service", new ApiRoutes.Service(URI.create("http://sessions.internal:8083"),
				List.of("/api/v1/sessions/**"), 0, Duration.ofSeconds(5), true, List.of()));
		services.put("participant-service", new ApiRoutes.Service(URI.create("http://participants.internal:8081"),
				List.of("/api/v1/programmes/**"), 10, Duration.ofSeconds(5), true, List.of()));
		return new ApiRoutes(services);
	}

}
