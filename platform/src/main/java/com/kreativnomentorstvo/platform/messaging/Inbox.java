package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The record of which events each consumer has applied, so that a redelivered event (the broker
 * delivers at least once, and the outbox may publish twice) has its effect only once.
 *
 * <p>An event is marked as being applied before its handler runs and as applied afterwards. If
 * the handler fails, the mark is removed so the retry applies it again; if the process dies while
 * applying, the mark expires after a lease and the redelivered event is applied then. Handlers
 * should therefore still be written as upserts where they can.
 */
public class Inbox {

	static final String COLLECTION = "inbox";

	private static final String APPLYING = "APPLYING";

	private static final String APPLIED = "APPLIED";

	private final MongoOperations mongo;

	private final Clock clock;

	private final Duration lease;

	public Inbox(MongoOperations mongo, Clock clock, Duration lease) {
		this.mongo = mongo;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Runs the effect unless this consumer has applied this event before.
	 * @return whether the effect ran
	 * @throws EventInProgressException if another instance is applying the same event right now
	 */
	public boolean applyOnce(String consumer, String eventId, Runnable effect) {
		String key = consumer + "/" + eventId;
		if (!claim(key)) {
			return false;
		}
		try {
			effect.run();
		}
		catch (RuntimeException ex) {
			mongo.remove(byKey(key), COLLECTION);
			throw ex;
		}
		mongo.updateFirst(byKey(key),
				new Update().set("state", APPLIED).set("appliedAt", Date.from(clock.instant())).unset("until"),
				COLLECTION);
		return true;
	}

	/** Whether the consumer has applied the event. */
	public boolean hasApplied(String consumer, String eventId) {
		Document mark = mongo.findOne(byKey(consumer + "/" + eventId), Document.class, COLLECTION);
		return mark != null && APPLIED.equals(mark.getString("state"));
	}

	private boolean claim(String key) {
		Instant now = clock.instant();
		try {
			mongo.insert(new Document("_id", key).append("state", APPLYING)
				.append("until", Date.from(now.plus(lease)))
				.append("receivedAt", Date.from(now)), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException seenBefore) {
			Query abandoned = Query.query(
					Criteria.where("_id").is(key).and("state").is(APPLYING).and("until").lt(Date.from(now)));
			Document taken = mongo.findAndModify(abandoned, new Update().set("until", Date.from(now.plus(lease))),
					FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
			if (taken != null) {
				return true;
			}
			Document mark = mongo.findOne(byKey(key), Document.class, COLLECTION);
			if (mark != null && APPLIED.equals(mark.getString("state"))) {
				return false;
			}
			throw new EventInProgressException(key);
		}
	}

	private static Query byKey(String key) {
		return Query.query(Criteria.where("_id").is(key));
	}

	/** Another consumer instance is applying the event; the delivery is retried after a back-off. */
	public static class EventInProgressException extends RuntimeException {

		EventInProgressException(String key) {
			super("event " + key + " is being applied by another consumer instance");
		}

	}

}
