package com.kreativnomentorstvo.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the apache/kafka image makes of its environment: every KAFKA_* variable (but a few of the JVM's)
 * becomes a line of server.properties, its name without the prefix in lower case, a single "_" as ".",
 * "__" as "_" and "___" as "-" (the image's utility render-properties). A value that holds "=" is
 * dropped without a word, because the image splits each NAME=VALUE of the environment at every "=".
 */
final class KafkaImage {

	/** The image's own exclusions, as kafka-propertiesSpec.json lists them (KAFKA_HEAP_OPT sic). */
	private static final List<String> EXCLUDED = List.of("KAFKA_VERSION", "KAFKA_HEAP_OPT", "KAFKA_LOG4J_OPTS",
			"KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
			"KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL");

	private static final Pattern SINGLE_UNDERSCORE = Pattern.compile("[^_]_[^_]");

	private KafkaImage() {
	}

	/** The broker settings the image renders from an environment. */
	static Map<String, String> serverProperties(Map<String, String> environment) {
		Map<String, String> properties = new TreeMap<>();
		environment.forEach((name, value) -> {
			if (!name.startsWith("KAFKA") || EXCLUDED.contains(name) || value.contains("=")) {
				return;
			}
			properties.put(propertyName(name.substring("KAFKA_".length())), value);
		});
		return properties;
	}

	/** The image's ConvertKey. */
	static String propertyName(String key) {
		Matcher singles = SINGLE_UNDERSCORE.matcher(key);
		StringBuilder replaced = new StringBuilder();
		while (singles.find()) {
			singles.appendReplacement(replaced, Matcher.quoteReplacement(singles.group().replace('_', '.')));
		}
		singles.appendTail(replaced);
		return replaced.toString().replace("___", "-").replace("__", "_").toLowerCase(java.util.Locale.ROOT);
	}

	/** "NAME://host:port" of a listener list, by name. */
	static String listener(String listeners, String name) {
		for (String listener : listeners.split(",")) {
			if (listener.strip().startsWith(name + "://")) {
				return listener.strip().substring(name.length() + 3);
			}
		}
		throw new AssertionError("no listener " + name + " in " + listeners);
	}

	/** The listener names of a listener list. */
	static List<String> listenerNames(String listeners) {
		return java.util.Arrays.stream(listeners.split(",")).map(l -> l.strip().substring(0, l.strip().indexOf("://"))).toList();
	}

	/** listener.security.protocol.map as a map. */
	static Map<String, String> protocols(Map<String, String> properties) {
		Map<String, String> protocols = new TreeMap<>();
		for (String entry : properties.getOrDefault("listener.security.protocol.map", "").split(",")) {
			String[] parts = entry.strip().split(":");
			protocols.put(parts[0], parts[1]);
		}
		return protocols;
	}

}
