package com.kreativnomentorstvo.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What a service's Spring Boot makes of environment variables (its relaxed binding of the system
 * environment), so that a variable the deployments set is checked to reach the property meant.
 */
final class SpringEnvironment {

	private final Binder binder;

	SpringEnvironment(Map<String, ?> variables) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new LinkedHashMap<>(variables)));
		this.binder = new Binder(ConfigurationPropertySources.from(sources));
	}

	/** A map property, e.g. spring.kafka.properties (the Kafka clients' own settings). */
	Map<String, String> map(String name) {
		return binder.bind(name, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

	/** A single property, or null. */
	String value(String name) {
		return binder.bind(name, String.class).orElse(null);
	}

}
