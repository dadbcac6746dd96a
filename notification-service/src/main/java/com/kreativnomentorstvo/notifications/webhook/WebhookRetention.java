package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.DeliveryLogPurge;

/**
 * Keeps the webhook delivery log bounded: a delivery that was delivered, failed or withdrawn leaves
 * it {@code webhooks.retention} later. A TTL index on {@code expiresAt} does it where the store has
 * TTL indexes; this purge, every {@code purge-interval}, does it everywhere (and for entries
 * written before they had an expiry).
 */
@Component
public class WebhookRetention extends DeliveryLogPurge {

	WebhookRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		super(mongo, WebhookDelivery.class, Criteria.where("status").ne(WebhookDelivery.Status.PENDING),
				properties.webhooks().retention(), properties.purgeInterval(), clock, "webhook delivery log");
	}

}
