package com.kreativnomentorstvo.participants.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.platform.security.PublicPaths;

/**
 * The few pages this service renders: those that the links of account e-mails open (confirm an
 * address, set a password) and the password-reset form, in the person's language. They need no
 * token: a link's signed token is the credential, checked by the page itself; together with them,
 * the public calls and the API calls those pages and a future web application make without an
 * account.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new PageLocale();
	}

	@Bean
	PublicPaths publicPagesAndCalls() {
		return PublicPaths.of("/applications/confirm", "/account/password", "/account/reset", "/account/return", "/api/v1/calls",
				"/api/v1/calls/*", "/api/v1/applications", "/api/v1/applications/confirmations",
				"/api/v1/account/password", "/api/v1/account/password-resets");
	}

}
