package com.kreativnomentorstvo.platform.messaging;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How long the event producer may take: {@code send} blocks for at most {@code maxBlock} (waiting
 * for the broker's metadata or for buffer space), and a record handed to it is acknowledged or
 * failed within {@code delivery} after that. The platform's defaults are far below Kafka's (60 s
 * and 120 s), so that a broker outage is noticed in seconds; {@code spring.kafka.producer.properties.*}
 * overrides them.
 */
public record ProducerTimeouts(Duration maxBlock, Duration request, Duration delivery) {

	static final ProducerTimeouts DEFAULTS = new ProducerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
			Duration.ofSeconds(10));

	/** Kafka's own defaults, for settings a configuration leaves out. */
	private static final ProducerTimeouts KAFKA = new ProducerTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
			Duration.ofSeconds(120));

	/** Adds the platform's defaults to producer properties that do not set them, keeping them consistent. */
	static void applyDefaults(Map<String, Object> properties) {
		// Kafka's types: max.block.ms is a long, the other two are ints
		properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULTS.maxBlock().toMillis());
		properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEFAULTS.request().toMillis());
		// Kafka refuses a delivery timeout below linger.ms + request.timeout.ms
		long atLeast = millis(properties, ProducerConfig.LINGER_MS_CONFIG, Duration.ofMillis(5))
				+ millis(properties, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA.request());
		properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				(int) Math.max(DEFAULTS.delivery().toMillis(), atLeast));
	}

	/** The timeouts a producer with these properties works with. */
	public static ProducerTimeouts of(Map<String, Object> properties) {
		return new ProducerTimeouts(
				Duration.ofMillis(millis(properties, ProducerConfig.MAX_BLOCK_MS_CONFIG, KAFKA.maxBlock())),
				Duration.ofMillis(millis(properties, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA.request())),
				Duration.ofMillis(millis(properties, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, KAFKA.delivery())));
	}

	private static long millis(Map<String, Object> properties, String name, Duration absent) {
		Object value = properties.get(name);
		if (value == null) {
			return absent.toMillis();
		}
		if (value instanceof Duration duration) {
			return duration.toMillis();
		}
		return Long.parseLong(value.toString().trim());
	}

}
