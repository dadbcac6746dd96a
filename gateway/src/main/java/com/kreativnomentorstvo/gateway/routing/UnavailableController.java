package com.kreativnomentorstvo.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.kreativnomentorstvo.gateway.observability.TraceIds;
import com.kreativnomentorstvo.gateway.problem.Problems;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/**
 * Where an open circuit or a failed call lands (the circuit breakers forward here; callers cannot
 * reach it directly): a 503 problem that names the service and why it was not reached.
 */
@RestController
class UnavailableController {

	private static final Logger log = LoggerFactory.getLogger(UnavailableController.class);

	static final String PATH = Fallbacks.PATH;

	private final ApiRoutes routes;

	private final CircuitBreakerRegistry circuitBreakers;

	UnavailableController(ApiRoutes routes, CircuitBreakerRegistry circuitBreakers) {
		this.routes = routes;
		this.circuitBreakers = circuitBreakers;
	}

	@RequestMapping(PATH + "{service}")
	Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		if (!routes.services().containsKey(service)) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"service-unavailable.service", service);
		problem.setProperty("service", service);
		String reason = reason(cause);
		problem.setProperty("reason", reason);
		// an open circuit or a full bulkhead is the gateway's own decision, repeated per request: not worth a warning each
		if (!"circuit-open".equals(reason) && !"busy".equals(reason)) {
			log.warn("{} {} did not reach {}: {} (request id {}, trace {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), service, cause, exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE),
					TraceIds.of(exchange));
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter(service).toSeconds()));
		return Problems.write(exchange, problem);
	}

	/** Why the call failed, in words an operator can act on; no internals. */
	static String reason(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof CallNotPermittedException) {
				return "circuit-open";
			}
			if (t instanceof BulkheadFullException) {
				return "busy";
			}
			if (t instanceof TimeoutException
					|| (t instanceof ResponseStatusException status && status.getStatusCode().value() == 504)) {
				return "timeout";
			}
			if (t instanceof ConnectException) {
				return "unreachable";
			}
		}
		return "failing";
	}

	private Duration retryAfter(String service) {
		// an open circuit stays open for its configured wait; a single failure may already be over
		return circuitBreakers.find(service)
			.filter(breaker -> breaker.getState() == CircuitBreaker.State.OPEN)
			.map(breaker -> Duration.ofMillis(
					breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
			.filter(wait -> wait.toSeconds() > 0)
			.orElse(Duration.ofSeconds(1));
	}

}
