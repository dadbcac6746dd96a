package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
public class WebhookRetention implements SchedulingConfigurer {

	private final DeliveryLogPurge deliveryLog;

	private final Duration purgeInterval;

	WebhookRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.deliveryLog = new DeliveryLogPurge(mongo, WebhookDelivery.class,
				Criteria.where("status").ne(WebhookDelivery.Status.PENDING), properties.webhooks().retention(), clock,
				"webhook delivery log");
		this.purgeInterval = properties.purgeInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(deliveryLog::purgeQuietly, purgeInterval);
	}

	/**
	 * Removes the finished entries whose time is up.
	 * @return how many were removed
	 */
	public long purge() {
		return deliveryLog.purge();
	}

}
