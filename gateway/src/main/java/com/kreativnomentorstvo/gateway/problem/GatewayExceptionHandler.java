package com.kreativnomentorstvo.gateway.problem;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
					"The service behind this path is not available right now; try again shortly");
		}
		return problemFor(HttpStatus.INTERNAL_SERVER_ERROR, exchange, ex);
	}

	private ProblemDetail problemFor(HttpStatusCode status, ServerWebExchange exchange, Throwable ex) {
		return switch (status.value()) {
			case 404 -> Problems.of(status, "not-found", "Not found", "There is nothing at this path");
			case 405 -> Problems.of(status, "method-not-allowed", "Method not allowed",
					"This path does not accept " + exchange.getRequest().getMethod().name());
			case 413 -> Problems.of(status, "payload-too-large", "Payload too large", "The request is too large");
			case 415 -> Problems.of(status, "unsupported-media-type", "Unsupported media type",
					"The request body has a media type this path does not accept");
			case 503 -> Problems.of(status, "service-unavailable", "Service unavailable",
					"The service behind this path is not available right now; try again shortly");
			case 504 -> Problems.of(status, "gateway-timeout", "Gateway timeout",
					"The service behind this path did not answer in time");
			default -> {
				if (status.is5xxServerError()) {
					log.error("request {} {} failed (request id {}, trace {})", exchange.getRequest().getMethod(),
							exchange.getRequest().getPath(), exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE),
							TraceIds.of(exchange), ex);
					yield Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
							"Something went wrong at the gateway; the request id identifies it in the logs");
				}
				String title = HttpStatus.resolve(status.value()) != null
						? HttpStatus.resolve(status.value()).getReasonPhrase() : "Request refused";
				yield Problems.of(status, "http-" + status.value(), title, title);
			}
		};
	}

}
