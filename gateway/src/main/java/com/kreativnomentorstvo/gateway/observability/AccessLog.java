package com.kreativnomentorstvo.gateway.observability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One log line per request when its answer starts: method, path, status, time to the answer, the
 * request id and the W3C trace id, so that a request seen here can be found in every service's logs
 * and in the tracing backend. Health probes are logged at debug level only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLog implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		AtomicBoolean logged = new AtomicBoolean();
		exchange.getResponse().beforeCommit(() -> {
			if (logged.compareAndSet(false, true)) {
				write(exchange, exchange.getResponse().getStatusCode(), started);
			}
			return Mono.empty();
		});
		return chain.filter(exchange).doFinally(signal -> {
			if (signal == SignalType.CANCEL && logged.compareAndSet(false, true)) {
				write(exchange, null, started);
			}
		});
	}

	private void write(ServerWebExchange exchange, HttpStatusCode status, long started) {
		String path = exchange.getRequest().getPath().value();
		boolean probe = path.startsWith("/actuator/health");
		if (probe ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
			return;
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		String requestId = RequestIdFilter.of(exchange);
		String traceId = TraceIds.of(exchange);
		String outcome = status != null ? Integer.toString(status.value()) : "cancelled";
		// ECS field names; not "traceId", which the tracing bridge may put in the MDC: a key given twice
		// makes the JSON encoder drop the whole line
		var line = (probe ? log.atDebug() : log.atInfo()).addKeyValue("http.request.id", requestId)
			.addKeyValue("trace.id", traceId)
			.addKeyValue("http.response.status_code", outcome)
			.addKeyValue("event.duration", TimeUnit.MILLISECONDS.toNanos(millis));
		line.log("{} {} {} {} ms request={} trace={}", exchange.getRequest().getMethod().name(), path, outcome, millis,
				requestId, traceId);
	}

}
