package com.kreativnomentorstvo.platform.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.platform.PlatformProperties;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Request ids, problem details and the OpenAPI document every service serves. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class WebAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// before security, so that 401s and 403s carry the request id too; after the HTTP observation
		// filter (HIGHEST_PRECEDENCE + 1), so that the access-log line carries the trace id
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** The words of problem details, in the API's six languages. */
	@Bean
	ProblemTexts problemTexts() {
		return new ProblemTexts();
	}

	/**
	 * The request's language from {@code Accept-Language}: the first of the six the header prefers
	 * (quality values honoured, a bare {@code sr} is Serbian in Latin script), else English. A service
	 * with a resolver of its own keeps it.
	 */
	@Bean
	@ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new AcceptLanguageResolver();
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice(PlatformProperties properties, ProblemTexts texts) {
		return new ProblemDetailsAdvice(properties.store().retryAfter(), texts);
	}

	/**
	 * The service's API document. Two ways to call it: a bearer token got elsewhere (an integration's
	 * client credentials), or signing in through the identity provider from the Swagger UI
	 * (authorization code with PKCE, found through the issuer's OpenID discovery document).
	 */
	@Bean
	OpenAPI serviceApi(Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				"http://localhost:9000");
		return new OpenAPI()
			.info(new Info().title(service).version("v1").description("Part of the mentoring platform's /api/v1. Problem details follow Accept-Language (en, sr-Latn, sr-Cyrl, hr, mk, sl; English otherwise)"))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSecuritySchemes("signIn", new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
					.openIdConnectUrl(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("signIn", List.of("openid", "profile")));
	}

}
