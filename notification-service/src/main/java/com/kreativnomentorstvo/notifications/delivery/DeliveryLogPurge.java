package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.kreativnomentorstvo.platform.ScheduledPass;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * The purge of a delivery log (e-mails, webhook deliveries): an entry whose expiry has come goes, and
 * so does a finished one written before entries had an expiry, once its retention is over. An entry
 * whose event still waits in the outbox stays until it is relayed. A TTL index on {@code expiresAt}
 * does the same where the store has TTL indexes; this purge does it everywhere.
 *
 * <p>Each log's retention is a subclass in the feature that owns the log, so that the feature
 * schedules its own purge (every {@code purge-interval}, on Spring's scheduler) while the query and
 * the schedule are written once, here.
 */
public abstract class DeliveryLogPurge implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLogPurge.class);

	private final MongoOperations mongo;

	private final Class<?> entries;

	private final Criteria finished;

	private final Duration retention;

	private final Duration purgeInterval;

	private final Clock clock;

	private final String name;

	/**
	 * @param entries the log's records
	 * @param finished which of them are done with (sent, failed, cancelled...)
	 * @param purgeInterval the delay between the end of one purge and the start of the next
	 * @param name the log's name in a warning
	 */
	protected DeliveryLogPurge(MongoOperations mongo, Class<?> entries, Criteria finished, Duration retention,
			Duration purgeInterval, Clock clock, String name) {
		this.mongo = mongo;
		this.entries = entries;
		this.finished = finished;
		this.retention = retention;
		this.purgeInterval = purgeInterval;
		this.clock = clock;
		this.name = name;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass(name + " purge", this::purge, log), purgeInterval);
	}

	/**
	 * Removes the entries whose time is up.
	 * @return how many were removed
	 */
	public long purge() {
		Instant now = clock.instant();
		Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lte(now),
				new Criteria().andOperator(Criteria.where("expiresAt").exists(false), finished,
						Criteria.where("createdAt").lt(now.minus(retention))));
		return mongo.remove(Query.query(new Criteria().andOperator(expired,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), entries).getDeletedCount();
	}

}
