package com.kreativnomentorstvo.participants.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.platform.messaging.MessagingAutoConfiguration;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Writes an erased participant's tombstone (her id as key, no value) on the compacted contacts
 * topic, so that compaction removes her contact details from it. The platform's outbox only relays
 * events with a value, so erasure marks her record {@code tombstonePending} in the same write as
 * the scrub, and this relay publishes the tombstone right after and on a sweep, until the broker
 * has acknowledged it: the tombstone survives a crash as the outbox's events do.
 *
 * <p>A tombstone must come after every contact record of hers, or compaction would keep the later
 * one. So it waits while contact events of hers are still in the outbox (they leave it only once
 * published), and a lease keeps two instances from writing it at once; a second tombstone would
 * be harmless anyway.
 */
@Component
public class ContactTombstones implements SchedulingConfigurer {

	static final String PENDING = "tombstonePending";

	static final String LEASE = "tombstoneLease";

	private static final Logger log = LoggerFactory.getLogger(ContactTombstones.class);

	private final MongoOperations mongo;

	private final String collection;

	private final KafkaOperations<String, byte[]> kafka;

	private final TaskScheduler scheduler;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	ContactTombstones(MongoOperations mongo,
			@Qualifier(MessagingAutoConfiguration.EVENT_TEMPLATE) KafkaOperations<String, byte[]> kafka,
			TaskScheduler scheduler, ParticipantServiceProperties properties, Clock clock) {
		this.mongo = mongo;
		this.collection = mongo.getCollectionName(Participant.class);
		this.kafka = kafka;
		this.scheduler = scheduler;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweepQuietly, properties.tombstoneSweepInterval());
	}

	/** Writes the participant's tombstone soon, on another thread; the sweep retries what this misses. */
	void publishSoon(String participantId) {
		scheduler.schedule(() -> publishQuietly(participantId), clock.instant());
	}

	/**
	 * Writes the participant's tombstone if it is pending, no contact event of hers waits in the
	 * outbox and no other instance is writing it.
	 * @return whether the broker acknowledged a tombstone
	 */
	boolean publish(String participantId) {
		Instant now = clock.instant();
		Query claimable = Query.query(Criteria.where("_id").is(participantId)
			.and(PENDING).is(true)
			.and(AggregateRoot.OUTBOX_FIELD + ".topic").ne(Topics.PARTICIPANT_CONTACTS)
			.orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).lt(Date.from(now))));
		Update lease = new Update().set(LEASE, Date.from(now.plus(properties.tombstoneLease())));
		Document claimed = mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
				Document.class, collection);
		if (claimed == null) {
			return false;
		}
		Update done = new Update().unset(LEASE);
		try {
			kafka.send(new ProducerRecord<>(Topics.PARTICIPANT_CONTACTS, participantId, null))
				.get(properties.tombstoneLease().toMillis(), TimeUnit.MILLISECONDS);
			done.unset(PENDING);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Could not write the contact tombstone of {}; the sweep retries: {}", participantId,
					ex.getMessage());
			return false;
		}
		finally {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(participantId)), done, collection);
		}
	}

	/**
	 * Writes every pending tombstone that can be written now.
	 * @return how many were written
	 */
	int sweep() {
		Query pending = Query.query(Criteria.where(PENDING).is(true)).limit(500);
		pending.fields().include("_id");
		int written = 0;
		for (Document document : mongo.find(pending, Document.class, collection)) {
			if (publish(document.getString("_id"))) {
				written++;
			}
		}
		return written;
	}

	private void publishQuietly(String participantId) {
		try {
			publish(participantId);
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the contact tombstone of {}; the sweep retries: {}", participantId,
					ex.getMessage());
		}
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Tombstone sweep failed; retrying in {}: {}", properties.tombstoneSweepInterval(), ex.getMessage());
		}
	}

}
