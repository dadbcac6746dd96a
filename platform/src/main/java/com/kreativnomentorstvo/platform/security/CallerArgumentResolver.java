package com.kreativnomentorstvo.platform.security;

import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the authenticated token and the account's
 * enrolments as this service knows them.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final AccountEnrolments enrolments;

	CallerArgumentResolver(AccountEnrolments enrolments) {
		this.enrolments = enrolments;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return Caller.from(jwt, jwt.getSubject() == null ? Set.of() : enrolments.of(jwt.getSubject()));
		}
		throw new AuthenticationCredentialsNotFoundException("no bearer token");
	}

}
