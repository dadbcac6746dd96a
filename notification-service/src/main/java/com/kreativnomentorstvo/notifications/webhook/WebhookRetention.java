package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Keeps the webhook delivery log bounded: a delivery that was delivered, failed or withdrawn leaves
 * it {@code webhooks.retention} later. A TTL index on {@code expiresAt} does it where the store has
 * TTL indexes; this purge does it everywhere (and for entries written before they had an expiry).
 */
@Component
public class WebhookRetention {

	private final MongoOperations mongo;

	private final Duration retention;

	private final Clock clock;

	WebhookRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.retention = properties.webhooks().retention();
		this.clock = clock;
	}

	/**
	 * Removes the finished deliveries whose time is up.
	 * @return how many were removed
	 */
	public long purge() {
		Instant now = clock.instant();
		Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lte(now),
				new Criteria().andOperator(Criteria.where("expiresAt").exists(false),
						Criteria.where("status").ne(WebhookDelivery.Status.PENDING),
						Criteria.where("createdAt").lt(now.minus(retention))));
		return mongo.remove(Query.query(new Criteria().andOperator(expired,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), WebhookDelivery.class)
			.getDeletedCount();
	}

}
