package com.kreativnomentorstvo.participants.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

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

	public BodySizeLimit(long maxBytes, JsonMapper json) {
		this.maxBytes = maxBytes;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
					"Request bodies are limited to " + maxBytes + " bytes");
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(Problems.MEDIA_TYPE);
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
