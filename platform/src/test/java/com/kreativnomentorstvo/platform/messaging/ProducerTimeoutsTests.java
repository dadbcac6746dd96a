package com.kreativnomentorstvo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerTimeoutsTests {

	@Test
	void theEventProducerNoticesABrokerOutageInSeconds() {
		Map<String, Object> properties = new HashMap<>();

		ProducerTimeouts.applyDefaults(properties);

		assertThat(ProducerTimeouts.of(properties)).isEqualTo(new ProducerTimeouts(Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofSeconds(10)));
	}

	@Test
	void aLongerRequestTimeoutSetByTheServiceKeepsTheDeliveryTimeoutValid() {
		Map<String, Object> properties = new HashMap<>(Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000"));

		ProducerTimeouts.applyDefaults(properties);

		// Kafka refuses delivery.timeout.ms below linger.ms + request.timeout.ms
		assertThat(ProducerTimeouts.of(properties).delivery()).isGreaterThanOrEqualTo(Duration.ofMillis(30005));
	}

	@Test
	void whatTheServiceSetsIsKept() {
		Map<String, Object> properties = new HashMap<>(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000",
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000));

		ProducerTimeouts.applyDefaults(properties);

		assertThat(ProducerTimeouts.of(properties).maxBlock()).isEqualTo(Duration.ofSeconds(1));
		assertThat(ProducerTimeouts.of(properties).delivery()).isEqualTo(Duration.ofMinutes(1));
	}

}
