package com.kreativnomentorstvo.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.kreativnomentorstvo.gateway.problem.Problems;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No request body larger than {@code mentoring.gateway.limits.request-body} reaches a service: a
 * declared {@code Content-Length} above it is refused at once, and a body without one (chunked) is
 * read up to the limit and refused when it goes past. Either way the caller gets a 413 problem.
 * A file sent as {@code multipart/form-data} to a path that takes files
 * ({@code mentoring.gateway.limits.uploads.paths}, the resource library's) has the larger
 * {@code uploads.request-body} instead; any other body to those paths keeps the general limit.
 * The body is read before the call so that a refused one is never half-sent; the circuit
 * breaker's fallback and retries need it whole anyway.
 */
@Component
class RequestBodyLimit implements GlobalFilter, Ordered {

	private final long general;

	private final long uploads;

	private final List<PathPattern> uploadPaths;

	RequestBodyLimit(LimitProperties limits) {
		this.general = limits.requestBody().toBytes();
		this.uploads = limits.uploads().requestBody().toBytes();
		this.uploadPaths = limits.uploads().paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long maximum = maximumFor(exchange.getRequest());
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > maximum) {
			return tooLarge(exchange, maximum);
		}
		ServerWebExchange limited = exchange.mutate().request(new LimitedBody(exchange.getRequest(), maximum)).build();
		return ServerWebExchangeUtils
			.cacheRequestBody(limited, request -> chain.filter(limited.mutate().request(request).build()))
			.onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(exchange, maximum));
	}

	/** The upload limit for a file sent as {@code multipart/form-data} to an upload path; the general one otherwise. */
	private long maximumFor(ServerHttpRequest request) {
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.includes(type)) {
			return general;
		}
		PathContainer path = request.getPath().pathWithinApplication();
		return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? uploads : general;
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long maximum) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"payload-too-large.limit", maximum);
		problem.setProperty("maximumBytes", maximum);
		return Problems.write(exchange, problem);
	}

	@Override
	public int getOrder() {
		// before the gateway caches bodies for retries (HIGHEST_PRECEDENCE + 1000), which has no limit of its own
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	/** The request with a body that fails once it has delivered more than the limit. */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long maximum;

		LimitedBody(ServerHttpRequest delegate, long maximum) {
			super(delegate);
			this.maximum = maximum;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > maximum) {
					DataBufferUtils.release(buffer);
					sink.error(new BodyTooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

	private static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("request body over the limit", null, false, false);
		}

	}

}
