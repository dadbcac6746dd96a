package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.platform.DedicatedThreads;

/**
 * The record of which events each consumer has applied, so that a redelivered event (the broker
 * delivers at least once, and the outbox may publish twice) has its effect only once.
 *
 * <p>An event is marked as being applied, by this instance and this run of it, before its handler
 * runs, and as applied afterwards. If the handler fails, the mark is removed so the retry applies
 * it again. While the handler runs, its lease is renewed; if the process dies meanwhile, the event
 * is taken over by the next delivery
 * <ul>
 * <li>at once when the same instance has restarted (one instance runs one process at a time, so
 * the earlier run is gone), and</li>
 * <li>once the lease has run out on any other instance.</li>
 * </ul>
 * Until then a delivery meets {@link EventInProgressException} and is retried, never dead-lettered.
 * Handlers should still be written as upserts where they can: an effect that completed just before
 * a crash, but was not yet marked, runs again.
 */
public class Inbox implements DisposableBean {

	static final String COLLECTION = "inbox";

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final String APPLYING = "APPLYING";

	private static final String APPLIED = "APPLIED";

	private final MongoOperations mongo;

	private final Clock clock;

	private final Duration lease;

	private final String instance;

	/** This run of the instance: a restarted process is another run. */
	private final String run = UUID.randomUUID().toString();

	/** Events whose handler runs in this process right now. */
	private final Set<String> applying = ConcurrentHashMap.newKeySet();

	/** Events whose effect happened but whose mark could not be written (the store went away); the retry only marks them. */
	private final Set<String> appliedButUnmarked = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService renewals = DedicatedThreads.scheduler("inbox-lease-renewal");

	/**
	 * @param lease how long a mark of an event being applied holds off other instances; renewed
	 *     every third of it while the handler runs
	 * @param instance names this instance of the service, the same after a restart
	 */
	public Inbox(MongoOperations mongo, Clock clock, Duration lease, String instance) {
		this.mongo = mongo;
		this.clock = clock;
		this.lease = lease;
		this.instance = instance;
	}

	/** The instance this inbox marks events for. */
	public String instance() {
		return instance;
	}

	/**
	 * Runs the effect unless this consumer has applied this event before.
	 * @return whether the effect ran
	 * @throws EventInProgressException if another instance is applying the same event right now
	 */
	public boolean applyOnce(String consumer, String eventId, Runnable effect) {
		String key = consumer + "/" + eventId;
		if (appliedButUnmarked.contains(key)) {
			markApplied(key);
			appliedButUnmarked.remove(key);
			return true;
		}
		if (!claim(key)) {
			return false;
		}
		applying.add(key);
		ScheduledFuture<?> renewal = renewWhileApplying(key);
		try {
			effect.run();
		}
		catch (RuntimeException ex) {
			release(key, ex);
			throw ex;
		}
		finally {
			if (renewal != null) {
				renewal.cancel(false);
			}
			applying.remove(key);
		}
		try {
			markApplied(key);
		}
		catch (RuntimeException ex) {
			appliedButUnmarked.add(key);
			throw ex;
		}
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
				.append("instance", instance)
				.append("run", run)
				.append("receivedAt", Date.from(now)), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException seenBefore) {
			Document taken = mongo.findAndModify(abandoned(key, now),
					new Update().set("until", Date.from(now.plus(lease))).set("instance", instance).set("run", run),
					FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
			if (taken != null) {
				if (!run.equals(taken.getString("run"))) {
					log.info("Taking over event {} that {} was applying when it stopped", key,
							instance.equals(taken.getString("instance")) ? "this instance's earlier run"
									: "instance " + taken.getString("instance"));
				}
				return true;
			}
			Document mark = mongo.findOne(byKey(key), Document.class, COLLECTION);
			if (mark == null) {
				return claim(key); // released meanwhile
			}
			if (APPLIED.equals(mark.getString("state"))) {
				return false;
			}
			throw new EventInProgressException(key, mark.getString("instance"), mark.getDate("until"));
		}
	}

	/**
	 * A mark of an event being applied that nobody is applying: its lease ran out, an earlier run of
	 * this instance left it, or this run left it (an attempt whose mark could not be removed).
	 */
	private Query abandoned(String key, Instant now) {
		Criteria leftBehind = applying.contains(key)
				? Criteria.where("instance").is(instance).and("run").ne(run)
				: Criteria.where("instance").is(instance);
		return Query.query(Criteria.where("_id").is(key)
			.and("state").is(APPLYING)
			.orOperator(Criteria.where("until").lt(Date.from(now)), leftBehind));
	}

	private ScheduledFuture<?> renewWhileApplying(String key) {
		long every = Math.max(1, lease.toMillis() / 3);
		try {
			return renewals.scheduleAtFixedRate(() -> renew(key), every, every, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopping) {
			return null; // the service is stopping; the lease alone covers the rest of this handler
		}
	}

	private void renew(String key) {
		try {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("state").is(APPLYING).and("run").is(run)),
					new Update().set("until", Date.from(clock.instant().plus(lease))), COLLECTION);
		}
		catch (RuntimeException ex) {
			log.debug("Could not renew the lease of {}: {}", key, ex.toString());
		}
	}

	/** Removes this run's mark, so that the retry applies the event again. */
	private void release(String key, RuntimeException failure) {
		try {
			mongo.remove(Query.query(Criteria.where("_id").is(key).and("state").is(APPLYING).and("run").is(run)),
					COLLECTION);
		}
		catch (RuntimeException ex) {
			// the retry finds this run's mark and takes it over
			failure.addSuppressed(ex);
		}
	}

	private void markApplied(String key) {
		mongo.updateFirst(byKey(key),
				new Update().set("state", APPLIED).set("appliedAt", Date.from(clock.instant())).unset("until"),
				COLLECTION);
	}

	private static Query byKey(String key) {
		return Query.query(Criteria.where("_id").is(key));
	}

	@Override
	public void destroy() {
		renewals.shutdownNow();
	}

	/**
	 * Another consumer instance is applying the event; the delivery waits (retried with back-off,
	 * without limit) until that instance has finished or its lease has run out.
	 */
	public static class EventInProgressException extends RuntimeException {

		EventInProgressException(String key, String instance, Date until) {
			super("event " + key + " is being applied by instance " + instance + " (its lease runs until "
					+ (until == null ? "?" : until.toInstant()) + ")");
		}

	}

}
