package com.kreativnomentorstvo.platform.security;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.platform.web.Problems;
import com.kreativnomentorstvo.platform.web.RequestIds;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem details, keeping the {@code WWW-Authenticate} challenge of RFC 6750, in
 * the request's language: these are written before the dispatcher has resolved it, so they ask the
 * locale resolver themselves.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final JsonMapper json;

	private final ProblemTexts texts;

	private final LocaleResolver localeResolver;

	ProblemSecurityHandlers(JsonMapper json, ProblemTexts texts, LocaleResolver localeResolver) {
		this.json = json;
		this.texts = texts;
		this.localeResolver = localeResolver;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		challenge.commence(request, response, ex);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", ProblemText.of("title.unauthenticated"),
				ProblemText.of("unauthenticated.detail"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", ProblemText.of("title.forbidden"),
				ProblemText.of("forbidden.detail"));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			ProblemText title, ProblemText detail) throws IOException {
		Locale locale = localeResolver.resolveLocale(request);
		ProblemDetail problem = texts.problem(status, code, title, detail, locale);
		response.setStatus(problem.getStatus());
		response.setContentType(Problems.MEDIA_TYPE);
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		String requestId = response.getHeader(RequestIds.HEADER);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
