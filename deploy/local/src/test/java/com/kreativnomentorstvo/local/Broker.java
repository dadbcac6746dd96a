package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * The running stack's Kafka broker as an outside reader sees it: the records of topics from their
 * beginning to where they end now, read without a consumer group (nothing of the stack's own
 * consumers changes), and the platform's events among them as CloudEvents in binary mode
 * ({@code ce_*} headers, the JSON data as the value).
 */
final class Broker {

	private Broker() {
	}

	/** One event: its CloudEvents type and id, and its data. */
	record Event(String type, String id, JsonNode data) {
	}

	/** Every record of the topics now, from their beginning. */
	static List<ConsumerRecord<byte[], byte[]>> records(Collection<String> topics) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic, Duration.ofSeconds(10))
					.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				assertThat(Instant.now()).as("reading every topic to its end").isBefore(deadline);
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/** The platform's events on the topics now, in the order of each partition. */
	static List<Event> events(String... topics) {
		List<Event> events = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> record : records(List.of(topics))) {
			String type = header(record, "ce_type");
			if (type != null && record.value() != null) {
				events.add(new Event(type, header(record, "ce_id"), RunningStack.JSON.readTree(record.value())));
			}
		}
		return events;
	}

	static KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.KAFKA,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
