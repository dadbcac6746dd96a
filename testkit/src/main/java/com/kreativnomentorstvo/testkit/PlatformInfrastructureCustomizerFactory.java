package com.kreativnomentorstvo.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Adds the shared infrastructure's addresses to a test's environment. */
class PlatformInfrastructureCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/** Stateless, so every test class with the annotation can share a cached context. */
	private static final class Customizer implements ContextCustomizer {

		static final String NAME = "platformTestInfrastructure";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
			properties.put("spring.mongodb.uri", SharedMongo.uri());
			properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.shared().issuer());
			properties.put("mentoring.consumer.initial-back-off", "100ms");
			properties.put("mentoring.consumer.max-back-off", "1s");
			properties.put("mentoring.consumer.max-retries", "3");
			properties.put("mentoring.outbox.sweep-interval", "500ms");
			properties.put("mentoring.outbox.sweep-grace", "1s");
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			MapPropertySource infrastructure = new MapPropertySource(NAME, properties);
			// below the test's own @TestPropertySource, above the application's configuration
			if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
			}
			else {
				sources.addFirst(infrastructure);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
