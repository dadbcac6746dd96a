package com.kreativnomentorstvo.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.kreativnomentorstvo.testkit.EventRecords;

/** The suite's own Kafka clients, straight to the broker (no proxy): reads, poison, offsets. */
final class Kafka implements AutoCloseable {

	private final String bootstrap;

	private final Admin admin;

	Kafka(String bootstrap) {
		this.bootstrap = bootstrap;
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		this.admin = Admin.create(properties);
	}

	/** A record as the suite reads it: the {@code ce_*} and dead-letter headers decoded. */
	record Record(String topic, int partition, long offset, String key, Map<String, byte[]> headers, byte[] value,
			Instant timestamp) {

		String header(String name) {
			byte[] value = headers.get(name);
			return value == null ? null : new String(value, StandardCharsets.UTF_8);
		}

		/** Spring Kafka writes the original partition (int) and offset (long) of a dead letter in binary. */
		Long number(String name) {
			byte[] value = headers.get(name);
			if (value == null) {
				return null;
			}
			return value.length == Integer.BYTES ? (long) ByteBuffer.wrap(value).getInt()
					: value.length == Long.BYTES ? ByteBuffer.wrap(value).getLong() : null;
		}

		String eventId() {
			return header("ce_id");
		}

		String type() {
			return header("ce_type");
		}

		String programmeId() {
			return header("ce_programmeid");
		}

		String organisationId() {
			return header("ce_organisationid");
		}

		String text() {
			return value == null ? null : new String(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Every record of the topic from the beginning up to its end now (testkit's reading, with this
	 * suite's consumer on its own broker); none if it does not exist, which the client reports by
	 * timing out on the topic's metadata.
	 */
	List<Record> readAll(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			return EventRecords.all(consumer, topic).stream().map(Kafka::record).toList();
		}
		catch (org.apache.kafka.common.errors.TimeoutException noTopic) {
			return List.of();
		}
	}

	private static Record record(ConsumerRecord<String, byte[]> record) {
		Map<String, byte[]> headers = new HashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), header.value());
		}
		return new Record(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value(),
				Instant.ofEpochMilli(record.timestamp()));
	}

	/** Writes one record to one partition and returns its offset. */
	long produce(String topic, int partition, String key, Map<String, String> headers, byte[] value)
			throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
			headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
			return producer.send(record).get(30, TimeUnit.SECONDS).offset();
		}
	}

	int partitions(String topic) throws Exception {
		return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
			.size();
	}

	Map<TopicPartition, Long> endOffsets(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			return consumer.endOffsets(partitions);
		}
	}

	/** The group's committed offsets (absent partitions have none). */
	Map<TopicPartition, Long> committed(String group) throws Exception {
		return admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(30, TimeUnit.SECONDS)
			.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
	}

	/** Whether the group has no member (its consumers have left or been removed). */
	boolean empty(String group) throws Exception {
		ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
			.all()
			.get(30, TimeUnit.SECONDS)
			.get(group);
		return description.members().isEmpty();
	}

	/** Sets the group's offsets on the topic back to the beginning: its next consumer reads it all again. */
	void rewind(String group, String topic) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
		for (TopicPartition partition : endOffsets(topic).keySet()) {
			beginning.put(partition, new OffsetAndMetadata(0));
		}
		admin.alterConsumerGroupOffsets(group, beginning).all().get(30, TimeUnit.SECONDS);
	}

	Set<String> topics() throws Exception {
		return admin.listTopics().names().get(30, TimeUnit.SECONDS);
	}

	private KafkaConsumer<String, byte[]> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
		return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(5));
	}

}
