package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/**
 * Keeps the e-mail delivery log bounded: an e-mail that was sent, failed or cancelled leaves it
 * {@code mail.retention} later. A TTL index on {@code expiresAt} does it where the store has TTL
 * indexes; this purge, every {@code purge-interval}, does it everywhere (and for entries written
 * before they had an expiry).
 */
@Component
public class DeliveryRetention implements SchedulingConfigurer {

	private final DeliveryLogPurge deliveryLog;

	private final Duration purgeInterval;

	DeliveryRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.deliveryLog = new DeliveryLogPurge(mongo, Delivery.class,
				Criteria.where("status").in(Delivery.Status.DELIVERED, Delivery.Status.FAILED, Delivery.Status.CANCELLED), properties.mail().retention(), clock,
				"e-mail delivery log");
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
