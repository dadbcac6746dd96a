package com.kreativnomentorstvo.participants.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.kreativnomentorstvo.participants.web.BodySizeLimit;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Wiring of the service: strict JSON input, time values in the store, the body limit, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParticipantServiceProperties.class)
@EnableScheduling
class ServiceConfiguration {

	/**
	 * A value of the wrong JSON type is refused rather than converted: {@code "capacity": 1.5} or
	 * {@code "displayName": 5} are mistakes a client should hear about, not values to guess at.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictInput() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

	/** Dates and times stored by the driver's own codecs, in UTC, whatever the server's zone. */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
	}

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ParticipantServiceProperties properties, JsonMapper json) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(properties.maxRequestBody().toBytes(), json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
