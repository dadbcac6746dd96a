package com.kreativnomentorstvo.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
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
 *
 * <p>Aggregates are relayed together, as a group commit: the writes made while the relay was busy
 * are taken at once (at most {@value #AGGREGATES_AT_ONCE}), and their events are sent in waves
 * without waiting for each acknowledgement in turn, so that the producer batches them and one
 * round trip to the broker carries many. A wave holds at most one event per aggregate and topic:
 * an aggregate's next event on a topic (its partition, by key) is sent only after the one before
 * was acknowledged, so its order holds even when the broker refuses one of them. Measured on the
 * local stack (bench/load, scenario 2): one at a time, the relay kept up with about 12 enrolments a
 * second (two events each, about 20 ms per acknowledgement plus two store round trips).
 */
public class OutboxRelay implements SmartLifecycle {

	static final String LEASE_FIELD = "_outboxLease";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** The most aggregates relayed together. */
	static final int AGGREGATES_AT_ONCE = 100;

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

	/** Aggregates written with pending events that the immediate relay has not taken yet. */
	private final Set<Aggregate> written = ConcurrentHashMap.newKeySet();

	/** Whether a relay of the written aggregates is queued on the relay's thread. */
	private final AtomicBoolean relayQueued = new AtomicBoolean();

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
			written.add(new Aggregate(collection, id));
			queueRelayOfWritten();
		}
	}

	private void queueRelayOfWritten() {
		if (relayQueued.compareAndSet(false, true)) {
			try {
				sweeps.execute(this::relayWritten);
			}
			catch (RuntimeException ex) {
				relayQueued.set(false);
				log.debug("Relay not accepting work; the sweep will publish what was written");
			}
		}
	}

	/** Relays the aggregates written since the last time, at most a group; queues itself again for the rest. */
	private void relayWritten() {
		relayQueued.set(false); // a write from now on queues another run
		List<Aggregate> group = new ArrayList<>();
		for (Iterator<Aggregate> it = written.iterator(); it.hasNext() && group.size() < AGGREGATES_AT_ONCE;) {
			group.add(it.next());
			it.remove();
		}
		if (group.isEmpty()) {
			return;
		}
		try {
			relayTogether(group);
		}
		catch (RuntimeException ex) {
			log.debug("Immediate relay failed; the sweep will publish what is left: {}", ex.toString());
		}
		if (!written.isEmpty()) {
			queueRelayOfWritten();
		}
	}

	/**
	 * Publishes the pending events of one aggregate unless another relay holds its lease.
	 * @return how many events were published
	 */
	public int relay(String collection, Object id) {
		return relay(collection, List.of(id));
	}

	/**
	 * Publishes the pending events of the aggregates together (those another relay holds are left to it).
	 * @return how many events were published
	 */
	public int relay(String collection, Collection<?> ids) {
		return relayTogether(ids.stream().map(id -> new Aggregate(collection, id)).toList()).published();
	}

	/** An aggregate's document: its collection and id. */
	private record Aggregate(String collection, Object id) {
	}

	/** What one relay did: how many events it published, and whether the broker was away. */
	private record Relayed(int published, boolean brokerAway) {
	}

	/**
	 * A claimed aggregate: its pending events in order and the ids of those sent. Until an event is
	 * refused (then it is held: nothing more is sent), the sent ones are the first ones, so the next
	 * to send is at {@code sent.size()}.
	 */
	private static final class Claimed {

		final Aggregate aggregate;

		final List<OutboxEntry> pending;

		final List<String> sent = new ArrayList<>();

		boolean held;

		Claimed(Aggregate aggregate, List<OutboxEntry> pending) {
			this.aggregate = aggregate;
			this.pending = pending;
		}

		/** The next events to send at once: the longest run of pending events on distinct topics. */
		List<OutboxEntry> wave() {
			if (held) {
				return List.of();
			}
			List<OutboxEntry> wave = new ArrayList<>();
			Set<String> topics = new HashSet<>();
			for (int i = sent.size(); i < pending.size() && topics.add(pending.get(i).topic()); i++) {
				wave.add(pending.get(i));
			}
			return wave;
		}

	}

	/** One event on its way: whose it is, and the broker's answer to come. */
	private record InFlight(Claimed owner, OutboxEntry entry, Future<?> acknowledgement, long sentAtNanos) {
	}

	/**
	 * Claims the aggregates (those another relay holds are left to it), sends their pending events
	 * in waves and takes out of each document the events the broker acknowledged.
	 */
	private Relayed relayTogether(List<Aggregate> aggregates) {
		Instant now = clock.instant();
		Instant leaseEnds = now.plus(settings.lease());
		List<Claimed> claimed = new ArrayList<>();
		boolean brokerAway = false;
		int published = 0;
		try {
			for (Aggregate aggregate : aggregates) {
				Claimed one = claim(aggregate, clock.instant());
				if (one != null) {
					claimed.add(one);
				}
			}
			while (!brokerAway) {
				if (clock.instant().plus(sendTakesAtMost).isAfter(leaseEnds)) {
					break; // another relay may take the aggregates before these sends could end; the rest waits
				}
				List<InFlight> wave = new ArrayList<>();
				for (Claimed one : claimed) {
					for (OutboxEntry entry : one.wave()) {
						wave.add(new InFlight(one, entry, send(entry), System.nanoTime()));
					}
				}
				if (wave.isEmpty()) {
					break;
				}
				for (InFlight event : wave) {
					Outcome outcome = outcome(event);
					if (outcome == Outcome.SENT) {
						event.owner().sent.add(event.entry().eventId());
						published++;
					}
					else {
						event.owner().held = true; // keep the aggregate's order: later events wait for this one
						brokerAway |= outcome == Outcome.BROKER_AWAY;
					}
				}
			}
		}
		finally {
			release(claimed);
		}
		return new Relayed(published, brokerAway);
	}

	private Claimed claim(Aggregate aggregate, Instant now) {
		Query claimable = Query.query(Criteria.where("_id").is(aggregate.id())
			.and(AggregateRoot.OUTBOX_FIELD + ".0").exists(true)
			.orOperator(Criteria.where(LEASE_FIELD).exists(false), Criteria.where(LEASE_FIELD).lt(Date.from(now))));
		Update lease = new Update().set(LEASE_FIELD, Date.from(now.plus(settings.lease())));
		Document document = mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
				Document.class, aggregate.collection());
		if (document == null) {
			return null;
		}
		List<OutboxEntry> pending = document.getList(AggregateRoot.OUTBOX_FIELD, Document.class)
			.stream()
			.map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
			.toList();
		return new Claimed(aggregate, pending);
	}

	/** Lets go of the claimed aggregates, taking out of each the events the broker acknowledged: one write per collection. */
	private void release(List<Claimed> claimed) {
		Map<String, List<Claimed>> byCollection = new LinkedHashMap<>();
		claimed.forEach(one -> byCollection.computeIfAbsent(one.aggregate.collection(), c -> new ArrayList<>()).add(one));
		RuntimeException failure = null;
		for (Map.Entry<String, List<Claimed>> collection : byCollection.entrySet()) {
			try {
				BulkOperations done = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection.getKey());
				for (Claimed one : collection.getValue()) {
					Update update = new Update().unset(LEASE_FIELD);
					if (!one.sent.isEmpty()) {
						update.pull(AggregateRoot.OUTBOX_FIELD,
								Query.query(Criteria.where("eventId").in(one.sent)).getQueryObject());
					}
					done.updateOne(Query.query(Criteria.where("_id").is(one.aggregate.id())), update);
				}
				done.execute();
			}
			catch (RuntimeException ex) {
				// the leases run out and the sweep publishes the events again: at least once
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
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
			List<Aggregate> left = mongo.find(stale, Document.class, collection)
				.stream()
				.map(document -> new Aggregate(collection, document.get("_id")))
				.toList();
			for (int from = 0; from < left.size(); from += AGGREGATES_AT_ONCE) {
				Relayed relayed = relayTogether(left.subList(from, Math.min(left.size(), from + AGGREGATES_AT_ONCE)));
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

	/** Hands the event to the producer; a send refused at once is an acknowledgement that failed. */
	private Future<?> send(OutboxEntry entry) {
		try {
			return kafka.send(OutboxRecords.toRecord(entry));
		}
		catch (RuntimeException refused) {
			return CompletableFuture.failedFuture(refused);
		}
	}

	/** The broker's answer to a sent event, waited for until the send timeout after it was sent. */
	private Outcome outcome(InFlight event) {
		OutboxEntry entry = event.entry();
		try {
			long waited = System.nanoTime() - event.sentAtNanos();
			event.acknowledgement().get(Math.max(0, settings.sendTimeout().toNanos() - waited), TimeUnit.NANOSECONDS);
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
