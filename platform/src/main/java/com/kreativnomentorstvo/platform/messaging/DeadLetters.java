package com.kreativnomentorstvo.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;

import com.kreativnomentorstvo.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dead letters of this service's consumer groups, and the tool that re-drives them once the
 * cause is fixed. A replayed record goes through the same handler and inbox as a live one, so a
 * dead letter whose event was meanwhile applied has no second effect; each dead letter is
 * replayed at most once. A dead letter parked without its value (a record of a compacted topic,
 * which holds personal data) is replayed from the original record, if compaction or erasure has
 * not removed it meanwhile.
 */
public class DeadLetters {

	static final String REPLAYS = "dead_letter_replays";

	private static final Duration POLL = Duration.ofMillis(500);

	private final Map<String, SubscriptionDispatcher> dispatchers = new HashMap<>();

	private final Map<String, Object> consumerProperties;

	private final MongoOperations mongo;

	private final Clock clock;

	DeadLetters(List<Subscriptions> subscriptions, Map<String, Object> consumerProperties, Inbox inbox,
			MongoOperations mongo, Clock clock, MeterRegistry meters, TraceContexts traces) {
		subscriptions
			.forEach(s -> dispatchers.put(s.consumerGroup(), new SubscriptionDispatcher(s, inbox, meters, traces)));
		this.consumerProperties = consumerProperties;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A record on a dead-letter topic. */
	public record DeadLetter(String consumerGroup, int partition, long offset, String originalTopic,
			Integer originalPartition, Long originalOffset, String eventId, String eventType, String exception,
			String message, boolean replayed) {
	}

	/** The outcome of replaying one dead letter. */
	public record Replay(String consumerGroup, int partition, long offset, String eventId, String outcome,
			String error) {
	}

	/** Every dead letter of every consumer group of this service, oldest first. */
	public List<DeadLetter> list() {
		List<DeadLetter> letters = new ArrayList<>();
		dispatchers.keySet().forEach(group -> read(group, record -> letters.add(describe(group, record))));
		return letters;
	}

	/** Replays the dead letters not replayed before, optionally only those of one consumer group. */
	public List<Replay> replay(String onlyGroup) {
		List<Replay> replays = new ArrayList<>();
		dispatchers.forEach((group, dispatcher) -> {
			if (onlyGroup == null || onlyGroup.equals(group)) {
				read(group, record -> replayOne(group, dispatcher, record).ifPresent(replays::add));
			}
		});
		return replays;
	}

	private Optional<Replay> replayOne(String group, SubscriptionDispatcher dispatcher,
			ConsumerRecord<String, byte[]> letter) {
		String key = replayKey(group, letter);
		try {
			mongo.insert(new Document("_id", key).append("at", Date.from(clock.instant())), REPLAYS);
		}
		catch (DuplicateKeyException alreadyReplayed) {
			return Optional.empty();
		}
		String eventId = header(letter, "ce_id");
		try {
			Optional<ConsumerRecord<String, byte[]>> original = original(letter);
			if (original.isEmpty()) {
				return Optional.of(new Replay(group, letter.partition(), letter.offset(), eventId, "gone",
						"the original record is no longer on " + header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)));
			}
			dispatcher.onMessage(original.get());
			return Optional.of(new Replay(group, letter.partition(), letter.offset(), eventId, "applied", null));
		}
		catch (RuntimeException ex) {
			mongo.remove(Query.query(Criteria.where("_id").is(key)), REPLAYS);
			return Optional.of(
					new Replay(group, letter.partition(), letter.offset(), eventId, "failed", ex.getMessage()));
		}
	}

	/** The record to replay: the dead letter as it was first read, its value read again if it was withheld. */
	private Optional<ConsumerRecord<String, byte[]>> original(ConsumerRecord<String, byte[]> letter) {
		if (!"true".equals(header(letter, DeadLetterPublisher.VALUE_WITHHELD))) {
			return Optional.of(asOriginal(letter));
		}
		String topic = header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Integer partition = intHeader(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Long offset = longHeader(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		if (topic == null || partition == null || offset == null) {
			return Optional.empty();
		}
		Map<String, Object> properties = new HashMap<>(consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition source = new TopicPartition(topic, partition);
			consumer.assign(List.of(source));
			long end = consumer.endOffsets(List.of(source)).get(source);
			if (offset >= end) {
				return Optional.empty();
			}
			consumer.seek(source, offset);
			// compaction may have removed it: the first record at or after the offset tells
			while (consumer.position(source) < end) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					return record.offset() == offset && record.value() != null ? Optional.of(record) : Optional.empty();
				}
			}
			return Optional.empty();
		}
	}

	/** The dead letter as it was first read, so handlers see the original topic, partition and offset. */
	private static ConsumerRecord<String, byte[]> asOriginal(ConsumerRecord<String, byte[]> letter) {
		String topic = header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Integer partition = intHeader(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Long offset = longHeader(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(topic == null ? letter.topic() : topic,
				partition == null ? letter.partition() : partition, offset == null ? letter.offset() : offset,
				letter.key(), letter.value());
		letter.headers().forEach(h -> original.headers().add(h));
		return original;
	}

	private DeadLetter describe(String group, ConsumerRecord<String, byte[]> letter) {
		boolean replayed = mongo.exists(Query.query(Criteria.where("_id").is(replayKey(group, letter))),
				REPLAYS);
		return new DeadLetter(group, letter.partition(), letter.offset(),
				header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET), header(letter, "ce_id"),
				header(letter, "ce_type"), firstPresent(header(letter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
						header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN)),
				header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE), replayed);
	}

	private void read(String group, Consumer<ConsumerRecord<String, byte[]>> action) {
		Map<String, Object> properties = new HashMap<>(consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			String topic = Topics.deadLetterTopic(group);
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				consumer.poll(POLL).forEach(action);
			}
		}
	}

	private static String firstPresent(String preferred, String fallback) {
		return preferred != null ? preferred : fallback;
	}

	private static String replayKey(String group, ConsumerRecord<String, byte[]> letter) {
		return group + "/" + letter.partition() + "/" + letter.offset();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	// Spring Kafka writes the original partition and offset as big-endian binary numbers
	private static Integer intHeader(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value().length != Integer.BYTES ? null
				: ByteBuffer.wrap(header.value()).getInt();
	}

	private static Long longHeader(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value().length != Long.BYTES ? null
				: ByteBuffer.wrap(header.value()).getLong();
	}

}
