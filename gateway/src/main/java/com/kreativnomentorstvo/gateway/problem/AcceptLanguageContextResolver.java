package com.kreativnomentorstvo.gateway.problem;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import com.kreativnomentorstvo.support.language.ApiLanguages;

/**
 * An exchange's language is the first of the API's six that {@code Accept-Language} prefers, else
 * English ({@link ApiLanguages#preferred}), as in every service.
 */
class AcceptLanguageContextResolver implements LocaleContextResolver {

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		Locale language = ApiLanguages
			.preferred(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		return new SimpleLocaleContext(language);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("the language follows the Accept-Language header");
	}

}
