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
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Keeps the e-mail delivery log bounded: an e-mail that was sent, failed or cancelled leaves it
 * {@code mail.retention} later. A TTL index on {@code expiresAt} does it where the store has TTL
 * indexes; this purge, every {@code purge-interval}, does it everywhere (and for entries written
 * before they had an expiry).
 */
@Component
public class DeliveryRetention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final MongoOperations mongo;

	private final Duration retention;

	private final Duration purgeInterval;

	private final Clock clock;

	DeliveryRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.retention = properties.mail().retention();
		this.purgeInterval = properties.purgeInterval();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::purgeQuietly, purgeInterval);
	}

	/**
	 * Removes the finished deliveries whose time is up.
	 * @return how many were removed
	 */
	public long purge() {
		Instant now = clock.instant();
		Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lte(now),
				new Criteria().andOperator(Criteria.where("expiresAt").exists(false),
						Criteria.where("status").in(Delivery.Status.DELIVERED, Delivery.Status.FAILED,
								Delivery.Status.CANCELLED),
						Criteria.where("createdAt").lt(now.minus(retention))));
		return mongo.remove(Query.query(new Criteria().andOperator(expired,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), Delivery.class).getDeletedCount();
	}

	private void purgeQuietly() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			log.warn("The e-mail delivery log purge failed; the next one follows: {}", ex.toString());
		}
	}

}
