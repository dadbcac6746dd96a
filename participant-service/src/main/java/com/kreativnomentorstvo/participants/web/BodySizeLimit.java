package com.kreativnomentorstvo.participants.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.platform.web.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies larger than the API ever needs (413) before anything reads them, so a
 * huge body costs neither memory nor a parse.
 */
public class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json;

	private final ProblemTexts texts;

	private final LocaleResolver localeResolver;

	/**
	 * @param texts and {@code localeResolver} word the 413 in the request's language (a filter runs
	 *     before the dispatcher resolves it)
	 */
	public BodySizeLimit(long maxBytes, JsonMapper json, ProblemTexts texts, LocaleResolver localeResolver) {
		this.maxBytes = maxBytes;
		this.json = json;
		this.texts = texts;
		this.localeResolver = localeResolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			Locale locale = localeResolver.resolveLocale(request);
			ProblemDetail problem = texts.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
					ProblemText.of("title.body-too-large"), ProblemText.of("web.body-too-large", maxBytes), locale);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(Problems.MEDIA_TYPE);
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
