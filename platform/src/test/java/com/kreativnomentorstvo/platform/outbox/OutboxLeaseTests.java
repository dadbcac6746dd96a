package com.kreativnomentorstvo.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.messaging.ProducerTimeouts;

/** The relay's lease is longer than a send can take, or the service does not start. */
class OutboxLeaseTests {

	private static final ProducerTimeouts PRODUCER = new ProducerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
			Duration.ofSeconds(10));

	@Test
	void theDefaultsAreConsistent() {
		assertThatNoException().isThrownBy(() -> OutboxAutoConfiguration.checkLease(outbox("30s", "15s"), PRODUCER));
	}

	@Test
	void aLeaseNoLongerThanASendCanTakeIsRefusedAtStart() {
		assertThatThrownBy(() -> OutboxAutoConfiguration.checkLease(outbox("20s", "15s"), PRODUCER))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("mentoring.outbox.lease")
			.hasMessageContaining("max.block.ms (5000 ms) plus mentoring.outbox.send-timeout (15000 ms)");
	}

	@Test
	void aSendTimeoutShorterThanTheProducersDeliveryTimeoutIsRefusedAtStart() {
		assertThatThrownBy(() -> OutboxAutoConfiguration.checkLease(outbox("5m", "5s"), PRODUCER))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("mentoring.outbox.send-timeout")
			.hasMessageContaining("delivery.timeout.ms (10000 ms)");
	}

	@Test
	void theProducersTimeoutsAreReadWithKafkasDefaultsForWhatIsNotSet() {
		assertThat(ProducerTimeouts.of(Map.of())).isEqualTo(new ProducerTimeouts(Duration.ofSeconds(60),
				Duration.ofSeconds(30), Duration.ofSeconds(120)));
		assertThat(ProducerTimeouts.of(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000")).maxBlock())
			.isEqualTo(Duration.ofSeconds(2));
	}

	private static PlatformProperties.Outbox outbox(String lease, String sendTimeout) {
		return new PlatformProperties.Outbox(true, Duration.ofSeconds(5), Duration.ofSeconds(2),
				Duration.parse("PT" + lease.toUpperCase()), Duration.parse("PT" + sendTimeout.toUpperCase()), 500);
	}

}
