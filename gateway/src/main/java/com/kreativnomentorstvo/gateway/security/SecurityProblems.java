package com.kreativnomentorstvo.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import com.kreativnomentorstvo.gateway.problem.Problems;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details. A 401 keeps the RFC 6750 challenge: {@code WWW-Authenticate:
 * Bearer}, with {@code error="invalid_token"} and a description when a token was sent but refused.
 */
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(ex));
		return Problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "unauthenticated.detail"));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return Problems.write(exchange,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "forbidden.detail"));
	}

	static String challenge(AuthenticationException ex) {
		List<String> parameters = new ArrayList<>();
		if (ex instanceof OAuth2AuthenticationException oauth) {
			OAuth2Error error = oauth.getError();
			parameters.add("error=\"" + quotable(error.getErrorCode()) + "\"");
			if (error.getDescription() != null) {
				parameters.add("error_description=\"" + quotable(error.getDescription()) + "\"");
			}
		}
		return parameters.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", parameters);
	}

	/** RFC 6750 allows printable ASCII without {@code "} and {@code \} in these values. */
	private static String quotable(String value) {
		StringBuilder quotable = new StringBuilder(value.length());
		value.chars()
			.filter(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')
			.forEach(c -> quotable.append((char) c));
		return quotable.toString();
	}

}
