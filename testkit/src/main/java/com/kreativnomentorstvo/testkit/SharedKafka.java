package com.kreativnomentorstvo.testkit;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker per test JVM, shared by every test class: Apache Kafka's own server in KRaft
 * mode, in-process, or the {@code apache/kafka} image under Docker. Stopped when the JVM exits.
 */
public final class SharedKafka {

	/** The image used under Docker; the same Kafka line as the client. */
	public static final String IMAGE = "apache/kafka:4.1.1";

	private static volatile String bootstrapServers;

	/** The bootstrap servers of the shared broker, starting it on first use. */
	public static String bootstrapServers() {
		if (bootstrapServers == null) {
			synchronized (SharedKafka.class) {
				if (bootstrapServers == null) {
					bootstrapServers = start();
				}
			}
		}
		return bootstrapServers;
	}

	private static String start() {
		if (Infrastructure.selected() == Infrastructure.CONTAINERS) {
			KafkaContainer container = new KafkaContainer(IMAGE)
				// the log cleaner looks for work every second rather than every 15 (compaction tests)
				.withEnv("KAFKA_LOG_CLEANER_BACKOFF_MS", "1000");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
			return container.getBootstrapServers();
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperties(Map.of(
				// consumer groups start at once instead of waiting 3 s for more members
				"group.initial.rebalance.delay.ms", "0",
				"auto.create.topics.enable", "true",
				"num.partitions", "3",
				"log.cleaner.enable", "true",
				// the log cleaner looks for work every second rather than every 15 (compaction tests)
				"log.cleaner.backoff.ms", "1000"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-broker-stop"));
		return broker.getBrokersAsString();
	}

	private SharedKafka() {
	}

}
