package com.kreativnomentorstvo.gateway.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.kreativnomentorstvo.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (keeping a sane one the client sent), passes it to
 * the service and returns it exactly once, also on answers the gateway gives itself (401, 429, 503),
 * so one request can be followed through the logs and the events it caused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered
				: UUID.randomUUID().toString();
		exchange.getAttributes().put(Problems.REQUEST_ID_ATTRIBUTE, requestId);
		// set just before the response goes out, replacing the copy the service sent back
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		return chain
			.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, requestId))).build());
	}

	/** The request id of an exchange this filter has seen. */
	static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE);
	}

}
