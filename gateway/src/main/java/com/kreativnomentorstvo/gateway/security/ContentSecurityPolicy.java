package com.kreativnomentorstvo.gateway.security;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy on every response. API answers are data that a browser must never run
 * or frame: the strictest policy. The Swagger UI is an application: it may load its own scripts,
 * styles and images and fetch the documents, from this origin only. The few plain pages a service
 * renders (the unsubscribe confirmation) may use inline styles and post their form back. A policy
 * a service set itself is kept.
 */
class ContentSecurityPolicy implements WebFilter {

	static final String HEADER = "Content-Security-Policy";

	static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/** The Swagger UI's policy; {@code %s} is the identity provider's origin, whose discovery and token endpoints it calls. */
	static final String SWAGGER_UI = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self' %s; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	private final String swaggerUi;

	/** @param issuer the identity provider the Swagger UI signs in with */
	ContentSecurityPolicy(String issuer) {
		this.swaggerUi = SWAGGER_UI.formatted(origin(issuer));
	}

	/** The scheme, host and port of a URL, as a CSP source. */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	static final String PAGE = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean forSwaggerUi = isSwaggerUi(exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			if (!response.getHeaders().containsHeader(HEADER)) {
				response.getHeaders().set(HEADER, forSwaggerUi ? swaggerUi : policyFor(response));
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static String policyFor(ServerHttpResponse response) {
		MediaType type;
		try {
			type = response.getHeaders().getContentType();
		}
		catch (RuntimeException unreadable) {
			type = null;
		}
		return type != null && MediaType.TEXT_HTML.isCompatibleWith(type) ? PAGE : API;
	}

	static boolean isSwaggerUi(String path) {
		return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/swagger-ui/");
	}

}
