package com.kreativnomentorstvo.notifications.reminder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.CoordinatorNotices;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;

/**
 * The base of the tests that run reminder schedulers themselves (the application's own loop is
 * slowed down, see {@link ServiceUnderTest}): what a scheduler is made of, and a fresh one whenever
 * a test asks, standing for one instance of the service. The context is the one every test shares.
 */
abstract class ReminderSchedulersUnderTest extends ServiceUnderTest {

	@Autowired
	MongoOperations mongo;

	@Autowired
	Notifier notifier;

	@Autowired
	CoordinatorNotices coordinators;

	@Autowired
	Pairs pairs;

	@Autowired
	Reminders reminders;

	@Autowired
	NotificationProperties properties;

	/** A fresh scheduler: another instance of the service, or this one after a restart. */
	ReminderScheduler instance() {
		return new ReminderScheduler(mongo, notifier, coordinators, pairs, properties, clock);
	}

}
