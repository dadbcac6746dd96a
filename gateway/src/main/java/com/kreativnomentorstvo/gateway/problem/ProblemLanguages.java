package com.kreativnomentorstvo.gateway.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The gateway's problems speak the language {@code Accept-Language} asks for, among the API's six. */
@Configuration(proxyBeanMethods = false)
class ProblemLanguages {

	@Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	LocaleContextResolver localeContextResolver() {
		return new AcceptLanguageContextResolver();
	}

}
