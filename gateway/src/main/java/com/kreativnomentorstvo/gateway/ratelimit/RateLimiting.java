package com.kreativnomentorstvo.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.kreativnomentorstvo.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * Counts every request against its buckets and refuses it with 429 and {@code Retry-After} when
 * one is empty. A request with a valid token is counted for its client and for its organisation,
 * so one organisation's flood cannot starve the others; one without a token is counted for its
 * remote address. Runs inside the security chain, after the token was checked (a claim of a token
 * that failed the check never picks a bucket). If the bucket store fails, requests pass: the limit
 * protects capacity, and the gateway staying up matters more.
 */
@Component
public class RateLimiting {

	private static final Logger log = LoggerFactory.getLogger(RateLimiting.class);

	private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final RateLimitProperties limits;

	private final Buckets buckets;

	private final AtomicLong lastWarning = new AtomicLong();

	RateLimiting(RateLimitProperties limits, Buckets buckets) {
		this.limits = limits;
		this.buckets = buckets;
	}

	/** The filter to place in the security chain right after authentication. */
	public WebFilter filter() {
		return (exchange, chain) -> {
			if (!limits.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
				return chain.filter(exchange);
			}
			return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(Authentication::isAuthenticated)
				.map(Authentication::getPrincipal)
				.ofType(Jwt.class)
				.flatMap(token -> countCaller(token))
				.switchIfEmpty(Mono.defer(() -> count("address", Callers.address(exchange.getRequest().getRemoteAddress()),
						limits.anonymous())))
				.flatMap(outcome -> outcome.allowed() ? pass(exchange, chain, outcome) : refuse(exchange, outcome));
		};
	}

	private Mono<Outcome> countCaller(Jwt token) {
		Mono<Outcome> client = count("client", Callers.client(token), limits.client());
		String organisation = Callers.organisation(token);
		if (organisation == null) {
			return client;
		}
		return client.flatMap(byClient -> byClient.allowed()
				? count("organisation", organisation, limits.organisation()).map(byClient::and) : Mono.just(byClient));
	}

	private Mono<Outcome> count(String scope, String key, RateLimitProperties.Limit limit) {
		return buckets.take(key, limit).map(verdict -> new Outcome(scope, verdict)).onErrorResume(failure -> {
			warn(failure);
			return Mono.just(new Outcome(scope, Buckets.Verdict.UNCOUNTED));
		});
	}

	private Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain, Outcome outcome) {
		if (outcome.verdict().remaining() != Long.MAX_VALUE) {
			exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(outcome.verdict().remaining()));
		}
		return chain.filter(exchange);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Outcome outcome) {
		long seconds = Math.max(1, (outcome.verdict().retryAfter().toMillis() + 999) / 1000);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"too-many-requests." + outcome.scope(), seconds);
		problem.setProperty("limit", outcome.scope());
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
		return Problems.write(exchange, problem);
	}

	private void warn(Throwable failure) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if ((last == 0 || now - last > WARNING_INTERVAL.toNanos()) && lastWarning.compareAndSet(last, now)) {
			log.warn("rate limits are not being counted: the bucket store failed ({}); requests pass meanwhile",
					failure.toString());
		}
	}

	/** What one bucket said, and which of a request's buckets it was. */
	private record Outcome(String scope, Buckets.Verdict verdict) {

		boolean allowed() {
			return verdict.allowed();
		}

		/** The stricter of two outcomes that both allowed the request. */
		Outcome and(Outcome other) {
			if (!other.allowed()) {
				return other;
			}
			return other.verdict().remaining() < verdict.remaining() ? other : this;
		}

	}

}
