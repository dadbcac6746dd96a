package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/**
 * Keeps the e-mail delivery log bounded: an e-mail that was sent, failed or cancelled leaves it
 * {@code mail.retention} later. A TTL index on {@code expiresAt} does it where the store has TTL
 * indexes; this purge, every {@code purge-interval}, does it everywhere (and for entries written
 * before they had an expiry).
 */
@Component
public class DeliveryRetention extends DeliveryLogPurge {

	DeliveryRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		super(mongo, Delivery.class,
				Criteria.where("status").in(Delivery.Status.DELIVERED, Delivery.Status.FAILED, Delivery.Status.CANCELLED),
				properties.mail().retention(), properties.purgeInterval(), clock, "e-mail delivery log");
	}

}
