package com.kreativnomentorstvo.gateway.problem;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.kreativnomentorstvo.gateway.observability.TraceIds;

import reactor.core.publisher.Mono;

/**
 * Whatever fails inside the gateway reaches the caller as problem details, never as Boot's default
 * error page and never with internals: unknown paths are 404, refused methods 405, an unreachable
 * service 503, anything unexpected a 500 logged with the request id. Runs before Boot's handler.
 */
@Component
@Order(-2)
class GatewayExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = problemFor(exchange, ex);
		if (ex instanceof ResponseStatusException statusException) {
			statusException.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
		}
		return Problems.write(exchange, problem);
	}

	private ProblemDetail problemFor(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ResponseStatusException statusException) {
			return problemFor(statusException.getStatusCode(), exchange, ex);
		}
		if (ex instanceof ConnectException) {
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "service-unavailable.path");
		}
		return problemFor(HttpStatus.INTERNAL_SERVER_ERROR, exchange, ex);
	}

	private ProblemDetail problemFor(HttpStatusCode status, ServerWebExchange exchange, Throwable ex) {
		return switch (status.value()) {
			case 404 -> Problems.of(status, "not-found", "not-found.path");
			case 405 -> Problems.of(status, "method-not-allowed", "method-not-allowed.detail",
					exchange.getRequest().getMethod().name());
			case 413 -> Problems.of(status, "payload-too-large", "payload-too-large.detail");
			case 415 -> Problems.of(status, "unsupported-media-type", "unsupported-media-type.detail");
			case 503 -> Problems.of(status, "service-unavailable", "service-unavailable.path");
			case 504 -> Problems.of(status, "gateway-timeout", "gateway-timeout.detail");
			default -> {
				if (status.is5xxServerError()) {
					log.error("request {} {} failed (request id {}, trace {})", exchange.getRequest().getMethod(),
							exchange.getRequest().getPath(), exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE),
							TraceIds.of(exchange), ex);
					yield Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "internal.detail");
				}
				// a status the bundle has no words for keeps Spring's English reason phrase
				String reason = HttpStatus.resolve(status.value()) != null
						? HttpStatus.resolve(status.value()).getReasonPhrase() : "Request refused";
				MessageSourceResolvable title = new DefaultMessageSourceResolvable(
						new String[] { "title.http-" + status.value() }, null, reason);
				yield Problems.of(status, "http-" + status.value(), title, title);
			}
		};
	}

}
