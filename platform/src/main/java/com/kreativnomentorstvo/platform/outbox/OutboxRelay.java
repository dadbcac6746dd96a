package com.kreativnomentorstvo.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

import com.kreativnomentorstvo.platform.Outages;
import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.RepeatingTask;
import com.kreativnomentorstvo.platform.messaging.ProducerTimeouts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregates' documents, in the order they were recorded, and
 * removes each from its document once the broker has acknowledged it. It runs right after a
 * write ({@link #relaySoon}) and, as a safety net, on a sweep that takes over anything left
 * behind: events whose immediate relay failed or whose process died between write and publish.
 *
 * <p>Delivery is at least once: a crash between the broker's acknowledgement and the removal
 * publishes the event again on the next sweep, with the same id, and consumers drop the copy.
 * A lease on the document keeps two relays (two instances, or sweep and immediate relay) from
 * working on one aggregate at the same time; it is longer than one send can take (checked at
 * start), and a relay starts a send only while enough of its lease is left for it.
 *
 * <p>The request that stored the events never waits for the broker: the immediate relay runs on
 * the relay's own thread. While the broker is unreachable, events stay in their documents (a WARN
 * line when that begins, an INFO line when events flow again), immediate relays are left to the
 * sweep, and a sweep stops at the first event the broker does not take (an event refused for
 * itself, e.g. too large, holds up only its own aggregate).
 */
public class OutboxRelay implements SmartLifecycle {

	static final String LEASE_FIELD = "_outboxLease";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoOperations mongo;

	private final KafkaOperations<String, byte[]> kafka;

	private final Supplier<List<String>> collections;

	private final PlatformProperties.Outbox settings;

	private final Clock clock;

	private final Counter published;

	private final Counter failed;

	/** The longest one send can take: the producer's {@code max.block.ms} and the wait for the acknowledgement. */
	private final Duration sendTakesAtMost;

	/** Since when the broker has been unreachable, or {@code null}. */
	private volatile Instant failingSince;

	/** The sweep, on the relay's own thread, where immediate relays run too; a stop waits for a send under way. */
	private final RepeatingTask sweeps;

	public OutboxRelay(MongoOperations mongo, KafkaOperations<String, byte[]> kafka, Supplier<List<String>> collections,
			PlatformProperties.Outbox settings, ProducerTimeouts producer, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = collections;
		this.settings = settings;
		this.sendTakesAtMost = producer.maxBlock().plus(settings.sendTimeout());
		this.clock = clock;
		this.published = Counter.builder("mentoring.outbox.published").description("Events published from the outbox")
			.register(meters);
		this.failed = Counter.builder("mentoring.outbox.failures").description("Failed attempts to publish an event")
			.register(meters);
		meters.gauge("mentoring.outbox.pending", this, OutboxRelay::countPending);
		this.sweeps = new RepeatingTask("outbox-relay", this::sweepQuietly, settings.sweepInterval(),
				settings.sweepInterval(), settings.sendTimeout());
	}

	/**
	 * Relays an aggregate's pending events soon, on the relay's thread; a no-op while stopped, and
	 * while the broker is unreachable (the sweep publishes them once it is back).
	 */
	public void relaySoon(String collection, Object id) {
		if (sweeps.isRunning() && settings.relayImmediately() && failingSince == null) {
			try {
				sweeps.execute(() -> relay(collection, id));
			}
			catch (RuntimeException ex) {
				log.debug("Relay not accepting work; the sweep will publish {}/{}", collection, id);
			}
		}
	}

	/**
	 * Publishes the pending events of one aggregate unless another relay holds its lease.
	 * @return how many events were published
	 */
	public int relay(String collection, Object id) {
		return relayOnce(collection, id).published();
	}

	/** What one relay of an aggregate did: how many events it published, and whether the broker was away. */
	private record Relayed(int published, boolean brokerAway) {

		static final Relayed NOTHING = new Relayed(0, false);

	}

	private Relayed relayOnce(String collection, Object id) {
		Instant now = clock.instant();
		Instant leaseEnds = now.plus(settings.lease());
		Query claimable = Query.query(Criteria.where("_id").is(id)
			.and(AggregateRoot.OUTBOX_FIELD + ".0").exists(true)
			.orOperator(Criteria.where(LEASE_FIELD).exists(false), Criteria.where(LEASE_FIELD).lt(Date.from(now))));
		Update lease = new Update().set(LEASE_FIELD, Date.from(leaseEnds));
		Document claimed = mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
				Document.class, collection);
		if (claimed == null) {
			return Relayed.NOTHING;
		}
		List<String> sent = new ArrayList<>();
		boolean brokerAway = false;
		try {
			for (Document pending : claimed.getList(AggregateRoot.OUTBOX_FIELD, Document.class)) {
				if (clock.instant().plus(sendTakesAtMost).isAfter(leaseEnds)) {
					break; // another relay may take the aggregate before this send could end; the rest waits
				}
				OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, pending);
				Outcome outcome = publish(entry);
				if (outcome != Outcome.SENT) {
					brokerAway = outcome == Outcome.BROKER_AWAY;
					break; // keep the aggregate's order: later events wait for this one
				}
				sent.add(entry.eventId());
			}
		}
		finally {
			Update done = new Update().unset(LEASE_FIELD);
			if (!sent.isEmpty()) {
				done.pull(AggregateRoot.OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(sent)).getQueryObject());
			}
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, collection);
		}
		return new Relayed(sent.size(), brokerAway);
	}

	/**
	 * Relays every aggregate whose events have waited longer than the grace period.
	 * @return how many events were published
	 */
	public int sweep() {
		Instant now = clock.instant();
		Date olderThan = Date.from(now.minus(settings.sweepGrace()));
		int count = 0;
		for (String collection : collections.get()) {
			Query stale = Query.query(Criteria.where(AggregateRoot.OUTBOX_FIELD + ".time").lt(olderThan)
				.orOperator(Criteria.where(LEASE_FIELD).exists(false), Criteria.where(LEASE_FIELD).lt(Date.from(now))))
				.limit(settings.sweepBatch());
			stale.fields().include("_id");
			for (Document document : mongo.find(stale, Document.class, collection)) {
				Relayed relayed = relayOnce(collection, document.get("_id"));
				count += relayed.published();
				if (relayed.brokerAway()) {
					return count; // nothing else would go either: the next sweep tries again
				}
			}
		}
		return count;
	}

	/** How one attempt to publish an event ended. */
	private enum Outcome {

		/** Acknowledged by the broker. */
		SENT,
		/** Refused for this event alone (e.g. too large); other aggregates' events may still go. */
		FAILED,
		/** The broker did not answer (in time): nothing else will go either. */
		BROKER_AWAY

	}

	private Outcome publish(OutboxEntry entry) {
		try {
			kafka.send(OutboxRecords.toRecord(entry)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			published.increment();
			if (failingSince != null) {
				log.info("Publishing events again after {} s without the broker",
						Duration.between(failingSince, clock.instant()).toSeconds());
				failingSince = null;
			}
			return Outcome.SENT;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.BROKER_AWAY;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			failed.increment();
			if (!(ex instanceof TimeoutException) && Outages.find(ex).isEmpty()) {
				log.warn("Could not publish event {} ({}); it stays in the outbox: {}", entry.eventId(), entry.type(),
						reason(ex));
				return Outcome.FAILED;
			}
			if (failingSince == null) {
				failingSince = clock.instant();
				log.warn("Could not publish event {} ({}): {}. Events stay in the outbox; the sweep publishes them "
						+ "(every {} ms) once the broker answers", entry.eventId(), entry.type(), reason(ex),
						settings.sweepInterval().toMillis());
			}
			else {
				log.debug("Could not publish event {} ({}); it stays in the outbox: {}", entry.eventId(), entry.type(),
						reason(ex));
			}
			return Outcome.BROKER_AWAY;
		}
	}

	private static String reason(Exception ex) {
		Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
		return cause.toString();
	}

	private double countPending() {
		try {
			return collections.get()
				.stream()
				.mapToLong(c -> mongo.count(Query.query(Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(true)), c))
				.sum();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sweep failed; retrying in {}: {}", settings.sweepInterval(), ex.getMessage());
		}
	}

	@Override
	public void start() {
		sweeps.start();
	}

	@Override
	public void stop() {
		sweeps.stop();
	}

	@Override
	public boolean isRunning() {
		return sweeps.isRunning();
	}

}
