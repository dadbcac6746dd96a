package com.kreativnomentorstvo.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * Reads and writes records on the shared broker the way an outside observer would: every record
 * of a topic from its beginning, without joining any service's consumer group.
 */
public final class EventRecords {

	private static final Duration POLL = Duration.ofMillis(200);

	/** How long a read waits for a topic's partitions: a broker under the fault suite's faults may be slow. */
	private static final long METADATA_SECONDS = 15;

	private static volatile KafkaProducer<String, byte[]> producer;

	/** Every record on the topic right now, in partition then offset order. */
	public static List<ConsumerRecord<String, byte[]>> all(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			return all(consumer, topic);
		}
	}

	/**
	 * Every record on the topic from its beginning up to its end offsets as they are when the read
	 * starts, each partition's in offset order, read with the caller's consumer (the fault suite's
	 * reaches its own broker). The consumer is assigned the topic's partitions, so it must not be in
	 * a consumer group's subscription; it stays open for the caller to close. Records written while
	 * it reads are left out, so the result is one moment's topic, not a moving one. Waits up to
	 * {@value #METADATA_SECONDS} s for the topic's partitions.
	 */
	public static List<ConsumerRecord<String, byte[]>> all(KafkaConsumer<String, byte[]> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(METADATA_SECONDS))
			.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		if (partitions.isEmpty()) {
			return records;
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
				if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		return records;
	}

	/** The records on the topic whose CloudEvents {@code ce_id} is the given id. */
	public static List<ConsumerRecord<String, byte[]>> withEventId(String topic, String eventId) {
		return all(topic).stream().filter(r -> eventId.equals(header(r, "ce_id"))).toList();
	}

	/** Waits (up to 30 s) for a record on the topic that matches, and returns it. */
	public static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
		AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
		Awaitility.await("a matching record on " + topic)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				all(topic).stream().filter(match).findFirst().ifPresent(found::set);
				return found.get() != null;
			});
		return found.get();
	}

	/**
	 * Waits (up to 30 s) for an event of the type on its topic that matches, checks that its record
	 * keeps the published language's contract, and returns it decoded.
	 */
	public static <T extends MentoringEvent> T awaitEvent(Class<T> type, Predicate<? super T> match) {
		EventType catalogued = EventType.of(type);
		ConsumerRecord<String, byte[]> record = await(catalogued.topic(),
				r -> catalogued.typeName().equals(header(r, "ce_type"))
						&& match.test(type.cast(EventJson.read(catalogued, r.value()))));
		return EventAssertions.assertContractKept(record, type);
	}

	/** Waits (up to 30 s) for an event of the type about the subject (its key), checked and decoded. */
	public static <T extends MentoringEvent> T awaitEvent(Class<T> type, String subject) {
		EventType catalogued = EventType.of(type);
		return EventAssertions.assertContractKept(awaitEvent(catalogued.topic(), catalogued.typeName(), subject),
				type);
	}

	/**
	 * Waits (up to 30 s) for the record of an event of the type about the subject on the topic, checks
	 * that it keeps the published language's contract, and returns the record (for its headers, or
	 * for an event its test reads as JSON).
	 */
	public static ConsumerRecord<String, byte[]> awaitEvent(String topic, String typeName, String subject) {
		ConsumerRecord<String, byte[]> record = await(topic, event(typeName, subject));
		EventAssertions.assertContractKept(record);
		return record;
	}

	/** Matches records whose {@code ce_type} is the given type and whose key is the given subject. */
	public static Predicate<ConsumerRecord<String, byte[]>> event(String type, String subject) {
		return r -> type.equals(header(r, "ce_type")) && subject.equals(r.key());
	}

	/** The value of a header as UTF-8 text, or {@code null}. */
	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The record's value as UTF-8 text. */
	public static String value(ConsumerRecord<String, byte[]> record) {
		return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
	}

	/** Writes a record and waits for the broker's acknowledgement. */
	public static void send(ProducerRecord<String, byte[]> record) {
		try {
			producer().send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not write to " + record.topic(), ex.getCause());
		}
	}

	private static KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			synchronized (EventRecords.class) {
				if (producer == null) {
					producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
							SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
							new ByteArraySerializer());
				}
			}
		}
		return producer;
	}

	private EventRecords() {
	}

}
