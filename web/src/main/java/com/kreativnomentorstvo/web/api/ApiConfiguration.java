package com.kreativnomentorstvo.web.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/** What the pages' calls are routed and protected by. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/** The API's route table ({@code mentoring-api-routes.yml}, imported by application.yml), the gateway's own. */
	@Bean
	ApiRoutes apiRoutes(Environment environment) {
		return ApiRoutes.from(environment);
	}

	/**
	 * A circuit breaker per service, in the metrics as the gateway's are
	 * ({@code resilience4j_circuitbreaker_state{name="participant-service"}} and the calls it counted).
	 */
	@Bean
	CircuitBreakerRegistry serviceCircuitBreakers(MeterRegistry meters) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Services.breakerSettings());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		return breakers;
	}

}
