package com.kreativnomentorstvo.platform.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the {@code X-Request-Id} the gateway passed on (or makes one), puts it in the logging MDC
 * for the request's duration and returns it to the caller. Each API request leaves one access-log
 * line (method, path without the query, which may carry search terms, status and duration);
 * actuator probes leave none.
 */
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger access = LoggerFactory.getLogger("com.kreativnomentorstvo.platform.web.access");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
		response.setHeader(RequestIds.HEADER, requestId);
		MDC.put(RequestIds.MDC_KEY, requestId);
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (access.isInfoEnabled() && !request.getRequestURI().startsWith("/actuator")) {
				access.info("{} {} {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - started) / 1_000_000);
			}
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

}
