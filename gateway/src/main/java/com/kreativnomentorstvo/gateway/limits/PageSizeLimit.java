package com.kreativnomentorstvo.gateway.limits;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.kreativnomentorstvo.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * Lists are paged and a page holds at most {@code mentoring.gateway.limits.page-size} items: a
 * {@code size} above that (or one that is not a whole number) is refused here with a 400 naming
 * {@code size}, before any service spends a query on it.
 */
@Component
class PageSizeLimit implements GlobalFilter, Ordered {

	static final String PARAMETER = "size";

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

	private final int maximum;

	PageSizeLimit(LimitProperties limits) {
		this.maximum = limits.pageSize();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		List<String> sizes = exchange.getRequest().getQueryParams().get(PARAMETER);
		if (sizes != null) {
			for (String size : sizes) {
				MessageSourceResolvable problem = problemWith(size);
				if (problem != null) {
					return Problems.write(exchange, Problems.invalidField(PARAMETER, problem));
				}
			}
		}
		return chain.filter(exchange);
	}

	/** What is wrong with the requested size (a text of the bundle), or {@code null} if the gateway lets it through. */
	MessageSourceResolvable problemWith(String size) {
		String value = size == null ? "" : size.trim();
		if (!WHOLE_NUMBER.matcher(value).matches()) {
			return Problems.text("field.whole-number");
		}
		if (new BigInteger(value).compareTo(BigInteger.valueOf(maximum)) > 0) {
			return Problems.text("field.at-most", maximum);
		}
		// zero and negative sizes are the service's to judge
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
