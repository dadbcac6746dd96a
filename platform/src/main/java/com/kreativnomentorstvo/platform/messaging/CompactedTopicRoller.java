package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.ProducerListener;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.RepeatingTask;

/**
 * Keeps the promise of a compacted topic's configuration when the topic is quiet. The broker
 * compacts closed segments only, and closes a segment older than {@code segment.ms} only when the
 * next record arrives; an erased person's tombstone, written last, would otherwise keep her
 * earlier record in an open segment, and readable, for as long as nothing else is written.
 *
 * <p>So a service that writes to a compacted topic notes, in its own database, when the segment
 * holding its last record is due to close ({@code segment} after that record, plus a minute); when
 * that time has passed, it appends a tombstone of the reserved key {@value #KEY} to every
 * partition, which closes the segment, and the cleaner then removes what the tombstone superseded.
 * Consumers never see the reserved key (the platform's dispatcher skips it). Survives restarts: the
 * due time is stored, and any instance of the service appends.
 */
public class CompactedTopicRoller implements ProducerListener<String, byte[]>, SmartLifecycle {

	/** The key of the platform's own tombstones that close a quiet segment. */
	public static final String KEY = "~segment-roll";

	static final String COLLECTION = "compacted_topic_rolls";

	private static final Duration MARGIN = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(CompactedTopicRoller.class);

	private final MongoOperations mongo;

	private final KafkaOperations<String, byte[]> kafka;

	private final PlatformProperties.Compaction settings;

	private final Clock clock;

	/** Due times noted on the producer's thread, written to the store on the roller's own. */
	private final Map<String, Instant> noted = new ConcurrentHashMap<>();

	/** The roll check, on the roller's own thread: at once on start, then every {@code roll-check}. */
	private final RepeatingTask checks;

	public CompactedTopicRoller(MongoOperations mongo, KafkaOperations<String, byte[]> kafka,
			PlatformProperties.Compaction settings, Clock clock) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.settings = settings;
		this.clock = clock;
		this.checks = new RepeatingTask("compacted-topic-roller", this::rollQuietly, Duration.ZERO, settings.rollCheck(),
				Duration.ZERO);
	}

	/**
	 * A record reached a compacted topic: its segment must close at the latest {@code segment} from
	 * now. Runs on the producer's network thread, so it only takes a note.
	 */
	@Override
	public void onSuccess(ProducerRecord<String, byte[]> record, RecordMetadata metadata) {
		if (Topics.COMPACTED.contains(record.topic()) && !KEY.equals(record.key())) {
			Instant due = clock.instant().plus(settings.segment()).plus(MARGIN);
			noted.merge(record.topic(), due, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
			if (checks.isRunning()) {
				checks.execute(this::writeNotesQuietly);
			}
		}
	}

	/** Stores the noted due times, so that they survive a restart. */
	void writeNotes() {
		for (String topic : List.copyOf(noted.keySet())) {
			Instant due = noted.remove(topic);
			if (due == null) {
				continue;
			}
			try {
				mongo.upsert(Query.query(Criteria.where("_id").is(topic)), new Update().max("due", Date.from(due)),
						COLLECTION);
			}
			catch (RuntimeException ex) {
				noted.merge(topic, due, (later, earlier) -> later.isAfter(earlier) ? later : earlier);
				throw ex;
			}
		}
	}

	/**
	 * Closes the open segments of every compacted topic whose due time has passed.
	 * @return the topics whose segments were closed
	 */
	public List<String> rollDue() {
		writeNotes();
		Instant now = clock.instant();
		List<Document> due = mongo.find(Query.query(Criteria.where("due").lte(Date.from(now))), Document.class,
				COLLECTION);
		return due.stream().filter(this::roll).map(document -> document.getString("_id")).toList();
	}

	private boolean roll(Document due) {
		String topic = due.getString("_id");
		try {
			for (PartitionInfo partition : kafka.partitionsFor(topic)) {
				kafka.send(new ProducerRecord<>(topic, partition.partition(), KEY, null)).get(30, TimeUnit.SECONDS);
			}
			// unless a later record has moved the due time meanwhile
			mongo.remove(Query.query(Criteria.where("_id").is(topic).and("due").is(due.getDate("due"))), COLLECTION);
			log.info("Closed the open segments of {} so that what its tombstones superseded is compacted away", topic);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Could not close the open segments of {}; retrying in {} s: {}", topic,
					settings.rollCheck().toSeconds(), ex.toString());
			return false;
		}
	}

	private void writeNotesQuietly() {
		try {
			writeNotes();
		}
		catch (RuntimeException ex) {
			log.debug("Could not note when compacted topics are due to close their segments: {}", ex.toString());
		}
	}

	private void rollQuietly() {
		try {
			rollDue();
		}
		catch (RuntimeException ex) {
			log.debug("Could not check for compacted topics due to close their segments: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		checks.start();
	}

	@Override
	public void stop() {
		checks.stop();
	}

	@Override
	public boolean isRunning() {
		return checks.isRunning();
	}

}
