package com.kreativnomentorstvo.web.language;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import com.kreativnomentorstvo.web.signin.Person;

/**
 * Which language a page speaks: the one the person chose with the switch ({@code ?lang=}, kept in
 * her session), else her account's language, else the first of her browser's languages the pages
 * speak, else English. Whatever is asked for becomes one of the six languages.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver() {

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, locale == null ? null
						: Language.of(locale).orElse(Language.EN).locale());
			}

		};
		resolver.setDefaultLocaleFunction(Languages::defaultFor);
		return resolver;
	}

	static Locale defaultFor(HttpServletRequest request) {
		Optional<Language> account = Person.current().flatMap(person -> Language.of(person.locale()));
		if (account.isPresent()) {
			return account.get().locale();
		}
		Enumeration<Locale> browser = request.getLocales();
		while (browser.hasMoreElements()) {
			Optional<Language> language = Language.of(browser.nextElement());
			if (language.isPresent()) {
				return language.get().locale();
			}
		}
		return Language.EN.locale();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
