package com.kreativnomentorstvo.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
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
 * declared {@code Content-Length} above it is refused before anything is passed on, and a body
 * without one (chunked) is read up to the limit and refused when it goes past. Either way the caller
 * gets a 413 problem.
 * A file sent as {@code multipart/form-data} to a path that takes files
 * ({@code mentoring.gateway.limits.uploads.paths}, the resource library's) has the larger
 * {@code uploads.request-body} instead; any other body to those paths keeps the general limit.
 * The body is read before the call so that a refused one is never half-sent; the circuit
 * breaker's fallback and retries need it whole anyway.
 * <p>
 * HTTP/1.1 lets a server answer before it has read the body, but then the body's unread rest would be
 * taken for the caller's next request on the connection, which would wait for an answer that never
 * comes (RFC 9112, section 9.3). So a refused body is read to its end and dropped, and the connection
 * stays usable, as long as it is at most {@code refused-body.read-up-to} past the limit and keeps
 * coming; otherwise (far too large, a caller that stopped sending or waits for
 * {@code 100-continue}) the 413 says {@code Connection: close} and the connection ends with it.
 */
@Component
class RequestBodyLimit implements GlobalFilter, Ordered {

	private final long general;

	private final long uploads;

	private final List<PathPattern> uploadPaths;

	private final long readUpTo;

	private final Duration idleTimeout;

	RequestBodyLimit(LimitProperties limits) {
		this.general = limits.requestBody().toBytes();
		this.uploads = limits.uploads().requestBody().toBytes();
		this.uploadPaths = limits.uploads().paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.readUpTo = limits.refusedBody().readUpTo().toBytes();
		this.idleTimeout = limits.refusedBody().idleTimeout();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long maximum = maximumFor(request);
		long declared = request.getHeaders().getContentLength();
		if (declared > maximum) {
			boolean waitsToSend = "100-continue".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.EXPECT));
			if (declared - maximum > readUpTo || waitsToSend) {
				return tooLarge(exchange, maximum, false);
			}
			return readToTheEnd(request.getBody()).flatMap(whole -> tooLarge(exchange, maximum, whole));
		}
		ServerWebExchange limited = exchange.mutate().request(new LimitedBody(request, maximum)).build();
		return ServerWebExchangeUtils
			.cacheRequestBody(limited, cached -> chain.filter(limited.mutate().request(cached).build()))
			.onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(exchange, maximum, tooLarge.readWhole));
	}

	/** Reads and drops a refused body; true once it has ended, false when it stopped coming. */
	private Mono<Boolean> readToTheEnd(Flux<DataBuffer> body) {
		return body.doOnNext(DataBufferUtils::release)
			.timeout(idleTimeout)
			.then(Mono.just(true))
			.onErrorReturn(false);
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

	/**
	 * The 413 problem; unless the body was read to its end, the connection ends with it (its unread
	 * rest would be taken for the next request).
	 */
	private Mono<Void> tooLarge(ServerWebExchange exchange, long maximum, boolean readWhole) {
		if (!readWhole) {
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		}
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

	/**
	 * The request with a body that fails once it has delivered more than the limit: past the limit it
	 * is read on and dropped to its end, and fails then, unless it goes on for more than
	 * {@code readUpTo} or pauses longer than the idle timeout.
	 */
	private final class LimitedBody extends ServerHttpRequestDecorator {

		private final long maximum;

		LimitedBody(ServerHttpRequest delegate, long maximum) {
			super(delegate);
			this.maximum = maximum;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody()
				.doOnNext(buffer -> seen.addAndGet(buffer.readableByteCount()))
				.timeout(Mono.never(), buffer -> seen.get() > maximum ? Mono.delay(idleTimeout) : Mono.never())
				.onErrorMap(TimeoutException.class, stopped -> new BodyTooLarge(false))
				.<DataBuffer>handle((buffer, sink) -> {
					if (seen.get() <= maximum) {
						sink.next(buffer);
						return;
					}
					DataBufferUtils.release(buffer);
					if (seen.get() - maximum > readUpTo) {
						sink.error(new BodyTooLarge(false));
					}
				})
				.concatWith(Mono.defer(() -> seen.get() > maximum ? Mono.error(new BodyTooLarge(true)) : Mono.empty()));
		}

	}

	private static final class BodyTooLarge extends RuntimeException {

		/** Whether the body was read to its end, so that the connection can carry the next request. */
		private final boolean readWhole;

		BodyTooLarge(boolean readWhole) {
			super("request body over the limit", null, false, false);
			this.readWhole = readWhole;
		}

	}

}
