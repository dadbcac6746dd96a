package com.kreativnomentorstvo.web.api;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/**
 * The services the pages call, each at its own address from the API's route table (the one the gateway
 * routes by), so that a page's calls do not cross the gateway a second time (bench/pages). The gateway's
 * protection of a call is kept here, per service:
 * <ul>
 * <li>the service's timeout from the table (the HTTP client's response timeout for its address);</li>
 * <li>a circuit breaker named after the service, with the gateway's default thresholds: over the last 10
 * calls, judged from the 5th, open at half of them failing (not reached, no answer in time, 502, 503 or
 * 504), for 10 s, then 3 trial calls; while open, a page says the service is unavailable at once instead
 * of waiting for its timeout;</li>
 * <li>a GET repeated twice (after 100 and 200 ms) when the service refused the connection or answered 502
 * or 504, as the gateway repeats idempotent calls; a 503 is the service's own answer and is not repeated.</li>
 * </ul>
 */
final class Services {

	/** Answers that count as the service failing, as the gateway counts them. */
	private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

	/** Answers a GET is repeated on: a proxy's, never the service's own considered 503. */
	private static final Set<Integer> REPEATED = Set.of(502, 504);

	private final ApiRoutes routes;

	private final Map<String, String> addresses;

	private final Map<String, Duration> timeouts;

	private final CircuitBreakerRegistry breakers;

	private final Retry repeat;

	Services(ApiRoutes routes, CircuitBreakerRegistry breakers) {
		this.routes = routes;
		this.breakers = breakers;
		this.addresses = routes.services()
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					service -> service.getValue().uri().toString().replaceAll("/+$", "")));
		// two services at one address (a test's stand-in for all four) wait as long as the more patient of them
		this.timeouts = routes.services()
			.values()
			.stream()
			.collect(Collectors.toUnmodifiableMap(service -> authority(service.uri()), ApiRoutes.Service::timeout,
					(one, other) -> one.compareTo(other) >= 0 ? one : other));
		this.repeat = Retry.of("api-get", RetryConfig.custom()
			.maxAttempts(3)
			.intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2))
			.retryOnException(Services::worthRepeating)
			.failAfterMaxAttempts(false)
			.build());
	}

	/** The circuit breakers' settings: the gateway's defaults ({@code resilience4j.circuitbreaker.configs.default}). */
	static CircuitBreakerConfig breakerSettings() {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedNumberOfCallsInHalfOpenState(3)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.recordException(Services::failing)
			.build();
	}

	/**
	 * Where a path goes: the service that owns it in the route table.
	 * @throws IllegalArgumentException when none does (a page calling a path the API does not have)
	 */
	ApiRoutes.Route routeOf(String path) {
		return routes.owner(path)
			.orElseThrow(() -> new IllegalArgumentException("no service of the API's route table owns " + path));
	}

	/** The address a path is called at: its service's, then the path. */
	String urlOf(ApiRoutes.Route route, String path) {
		return addresses.get(route.name()) + path;
	}

	/** How long a call to this address may wait for its answer. */
	Duration timeoutOf(URI uri) {
		return timeouts.getOrDefault(authority(uri), Duration.ofSeconds(5));
	}

	/**
	 * Makes a call through its service's circuit breaker (outside the repetitions: it sees one call however
	 * often a GET is repeated). An open circuit, or a service not reached, is {@link ApiUnavailable}.
	 */
	<T> T call(ApiRoutes.Route route, HttpMethod method, String path, Supplier<T> call) {
		CircuitBreaker breaker = breakers.circuitBreaker(route.name());
		Supplier<T> attempt = HttpMethod.GET.equals(method) ? Retry.decorateSupplier(repeat, call) : call;
		try {
			return breaker.executeSupplier(attempt);
		}
		catch (CallNotPermittedException open) {
			throw new ApiUnavailable(route.name(), path, open);
		}
		catch (ResourceAccessException unreachable) {
			throw new ApiUnavailable(route.name(), path, unreachable);
		}
	}

	private static boolean failing(Throwable failure) {
		return failure instanceof ResourceAccessException
				|| failure instanceof ApiProblem problem && UNAVAILABLE.contains(problem.status());
	}

	private static boolean worthRepeating(Throwable failure) {
		if (failure instanceof ApiProblem problem) {
			return REPEATED.contains(problem.status());
		}
		return failure instanceof ResourceAccessException && refused(failure);
	}

	/** The connection was refused (nothing listened), so the call never reached the service. */
	private static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private static String authority(URI uri) {
		int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		return uri.getHost() + ":" + port;
	}

}
