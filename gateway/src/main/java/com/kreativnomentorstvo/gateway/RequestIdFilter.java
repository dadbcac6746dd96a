package com.kreativnomentorstvo.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (keeping a sane one the client sent), passes it to
 * the service and returns it, so one request can be followed through logs and events.
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered
				: UUID.randomUUID().toString();
		// set just before the response goes out, replacing the copy the service sent back
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, requestId))).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
