package com.kreativnomentorstvo.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.messaging.CloudEventRecords;

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
 * working on one aggregate at the same time.
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

	private volatile ScheduledExecutorService executor;

	public OutboxRelay(MongoOperations mongo, KafkaOperations<String, byte[]> kafka, Supplier<List<String>> collections,
			PlatformProperties.Outbox settings, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = collections;
		this.settings = settings;
		this.clock = clock;
		this.published = Counter.builder("mentoring.outbox.published").description("Events published from the outbox")
			.register(meters);
		this.failed = Counter.builder("mentoring.outbox.failures").description("Failed attempts to publish an event")
			.register(meters);
		meters.gauge("mentoring.outbox.pending", this, OutboxRelay::countPending);
	}

	/** Relays an aggregate's pending events soon, on the relay's thread; a no-op while stopped. */
	public void relaySoon(String collection, Object id) {
		ScheduledExecutorService current = executor;
		if (current != null && settings.relayImmediately()) {
			try {
				current.execute(() -> relay(collection, id));
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
		Instant now = clock.instant();
		Query claimable = Query.query(Criteria.where("_id").is(id)
			.and(AggregateRoot.OUTBOX_FIELD + ".0").exists(true)
			.orOperator(Criteria.where(LEASE_FIELD).exists(false), Criteria.where(LEASE_FIELD).lt(Date.from(now))));
		Update lease = new Update().set(LEASE_FIELD, Date.from(now.plus(settings.lease())));
		Document claimed = mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
				Document.class, collection);
		if (claimed == null) {
			return 0;
		}
		List<String> sent = new ArrayList<>();
		try {
			for (Document pending : claimed.getList(AggregateRoot.OUTBOX_FIELD, Document.class)) {
				OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, pending);
				if (!publish(entry)) {
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
		return sent.size();
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
				count += relay(collection, document.get("_id"));
			}
		}
		return count;
	}

	private boolean publish(OutboxEntry entry) {
		try {
			kafka.send(CloudEventRecords.toRecord(entry)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			published.increment();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			failed.increment();
			log.warn("Could not publish event {} ({}); it stays in the outbox: {}", entry.eventId(), entry.type(),
					ex.getMessage());
			return false;
		}
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
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = settings.sweepInterval().toMillis();
		started.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
		executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current != null) {
			current.shutdownNow();
			try {
				current.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
