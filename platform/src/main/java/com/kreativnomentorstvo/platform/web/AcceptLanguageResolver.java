package com.kreativnomentorstvo.platform.web;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.support.language.ApiLanguages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The request's language is the first of the API's six that {@code Accept-Language} prefers,
 * else English ({@link ApiLanguages#preferred}); it cannot be changed by a request.
 */
class AcceptLanguageResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return ApiLanguages.preferred(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the language follows the Accept-Language header");
	}

}
