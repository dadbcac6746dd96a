package com.kreativnomentorstvo.participants.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.platform.messaging.Tombstones;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Writes the tombstone of an erased person (her key, no value) on the compacted contacts topic, so
 * that compaction removes her contact details from it: an erased participant's (key = participant
 * id) and a removed coordinator's (key = account id). The platform's outbox only relays events with
 * a value, so erasure marks her record {@code tombstonePending} in the same write as the scrub, and
 * this relay publishes the tombstone right after and on a sweep, until the broker has acknowledged
 * it: the tombstone survives a crash as the outbox's events do.
 *
 * <p>A tombstone must come after every contact record of hers, or compaction would keep the later
 * one. So it waits while contact events of hers are still in the outbox (they leave it only once
 * published), and a lease keeps two instances from writing it at once; a second tombstone would
 * be harmless anyway.
 *
 * <p>The sweep covers the collection of every aggregate with a {@value #PENDING} field (participants,
 * coordinators), found in the mapping context as the outbox finds aggregates, so that a feature
 * with contact details needs no change here.
 */
@Component
public class ContactTombstones implements SchedulingConfigurer {

	/** The field that marks a record whose tombstone is still to be written. */
	public static final String PENDING = "tombstonePending";

	static final String LEASE = "tombstoneLease";

	private static final Logger log = LoggerFactory.getLogger(ContactTombstones.class);

	private final MongoOperations mongo;

	private final String participants;

	private final MongoMappingContext mappingContext;

	private volatile List<String> collections;

	private final Tombstones tombstones;

	private final TaskScheduler scheduler;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	ContactTombstones(MongoOperations mongo, MongoMappingContext mappingContext,
			Tombstones tombstones, TaskScheduler scheduler, ParticipantServiceProperties properties, Clock clock) {
		this.mongo = mongo;
		this.mappingContext = mappingContext;
		this.participants = mongo.getCollectionName(Participant.class);
		this.tombstones = tombstones;
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
		publishSoon(participants, participantId);
	}

	/**
	 * Writes the tombstone of an erased person soon, on another thread; the sweep retries what this
	 * misses.
	 * @param holder the aggregate whose record was marked {@value #PENDING}, e.g. a removed coordinator
	 * @param key her key on the contacts topic: the aggregate's id
	 */
	public void publishSoon(Class<? extends AggregateRoot> holder, String key) {
		publishSoon(mongo.getCollectionName(holder), key);
	}

	private void publishSoon(String collection, String key) {
		scheduler.schedule(() -> publishQuietly(collection, key), clock.instant());
	}

	/** Writes the participant's tombstone, as {@link #publish(String, String)} does. */
	boolean publish(String participantId) {
		return publish(participants, participantId);
	}

	/**
	 * Writes the tombstone of the record if it is pending, no contact event of hers waits in the
	 * outbox and no other instance is writing it.
	 * @return whether the broker acknowledged a tombstone
	 */
	boolean publish(String collection, String key) {
		Instant now = clock.instant();
		Query claimable = Query.query(Criteria.where("_id").is(key)
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
			tombstones.write(Topics.PARTICIPANT_CONTACTS, key, properties.tombstoneLease());
			done.unset(PENDING);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.warn("Could not write the contact tombstone of {}; the sweep retries: {}", key, ex.getMessage());
			return false;
		}
		finally {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), done, collection);
		}
	}

	/**
	 * Writes every pending tombstone that can be written now, of every collection that holds contact details.
	 * @return how many were written
	 */
	int sweep() {
		int written = 0;
		for (String collection : collections()) {
			Query pending = Query.query(Criteria.where(PENDING).is(true)).limit(500);
			pending.fields().include("_id");
			for (Document document : mongo.find(pending, Document.class, collection)) {
				if (publish(collection, document.getString("_id"))) {
					written++;
				}
			}
		}
		return written;
	}

	/** The collections whose records can wait for a tombstone: those of aggregates with a {@value #PENDING} field. */
	List<String> collections() {
		if (collections == null) {
			List<String> found = new ArrayList<>(List.of(participants));
			mappingContext.getPersistentEntities()
				.stream()
				.filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
				.filter(entity -> entity.getPersistentProperty(PENDING) != null)
				.map(MongoPersistentEntity::getCollection)
				.filter(collection -> !found.contains(collection))
				.sorted()
				.forEach(found::add);
			collections = List.copyOf(found);
		}
		return collections;
	}

	private void publishQuietly(String collection, String key) {
		try {
			publish(collection, key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the contact tombstone of {}; the sweep retries: {}", key, ex.getMessage());
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
