package com.kreativnomentorstvo.participants.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.participants.web.BodySizeLimit;
import com.kreativnomentorstvo.platform.web.ProblemTexts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Wiring of the service: the body limit and scheduling. (Strict JSON input, absent values left out
 * of answers and time values stored in UTC are the platform's defaults.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParticipantServiceProperties.class)
@EnableScheduling
class ServiceConfiguration {

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ParticipantServiceProperties properties, JsonMapper json,
			ProblemTexts texts, LocaleResolver localeResolver) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(properties.maxRequestBody().toBytes(), json, texts, localeResolver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
