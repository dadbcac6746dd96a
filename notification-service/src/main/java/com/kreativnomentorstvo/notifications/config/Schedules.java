package com.kreativnomentorstvo.notifications.config;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.kreativnomentorstvo.notifications.delivery.DeliveryRetention;
import com.kreativnomentorstvo.notifications.email.EmailDispatcher;
import com.kreativnomentorstvo.notifications.inbox.InboxRetention;
import com.kreativnomentorstvo.notifications.inbox.NotificationStream;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.ReminderScheduler;
import com.kreativnomentorstvo.notifications.webhook.WebhookDispatcher;
import com.kreativnomentorstvo.notifications.webhook.WebhookFanout;
import com.kreativnomentorstvo.notifications.webhook.WebhookRetention;

/**
 * The service's polling loops, each at the interval its settings give: due e-mails, due webhook
 * deliveries, webhook events waiting for their audience's facts, due reminders, new notifications
 * for open streams, erasures applied again, and the purge of what has expired (inbox, e-mail and
 * webhook delivery logs). They hold no state of their own; the store decides what is due and who
 * has it (the e-mail dispatcher's memory of sends not yet recorded aside).
 */
@Configuration(proxyBeanMethods = false)
class Schedules implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	private static final Duration ERASURE_PASS = Duration.ofMinutes(10);

	private final EmailDispatcher email;

	private final WebhookDispatcher webhooks;

	private final WebhookFanout fanout;

	private final ReminderScheduler reminders;

	private final NotificationStream stream;

	private final RecipientDirectory recipients;

	private final InboxRetention inboxRetention;

	private final DeliveryRetention deliveryRetention;

	private final WebhookRetention webhookRetention;

	private final NotificationProperties properties;

	private final Clock clock;

	Schedules(EmailDispatcher email, WebhookDispatcher webhooks, WebhookFanout fanout, ReminderScheduler reminders,
			NotificationStream stream, RecipientDirectory recipients, InboxRetention inboxRetention,
			DeliveryRetention deliveryRetention, WebhookRetention webhookRetention, NotificationProperties properties,
			Clock clock) {
		this.email = email;
		this.webhooks = webhooks;
		this.fanout = fanout;
		this.reminders = reminders;
		this.stream = stream;
		this.recipients = recipients;
		this.inboxRetention = inboxRetention;
		this.deliveryRetention = deliveryRetention;
		this.webhookRetention = webhookRetention;
		this.properties = properties;
		this.clock = clock;
	}

	/** Removes what has expired from the inbox and the delivery logs; returns how many records went. */
	long purgeExpired() {
		return inboxRetention.purge() + deliveryRetention.purge() + webhookRetention.purge();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(quietly("e-mail", email::dispatchDue), properties.mail().pollInterval());
		registrar.addFixedDelayTask(quietly("webhooks", webhooks::dispatchDue), properties.webhooks().pollInterval());
		registrar.addFixedDelayTask(quietly("webhook audiences", fanout::decideWaiting),
				properties.webhooks().pending().sweepInterval());
		registrar.addFixedDelayTask(quietly("reminders", reminders::fireDue), properties.reminders().pollInterval());
		registrar.addFixedDelayTask(quietly("stream", stream::push), properties.stream().pollInterval());
		registrar.addFixedDelayTask(quietly("erasure", () -> recipients.reapplyRecentErasures(clock.instant())),
				ERASURE_PASS);
		registrar.addFixedDelayTask(quietly("purge", this::purgeExpired), properties.purgeInterval());
	}

	/** A failing pass (e.g. the store briefly away) is logged and the next one runs as planned. */
	private static Runnable quietly(String name, Runnable pass) {
		return () -> {
			try {
				pass.run();
			}
			catch (RuntimeException ex) {
				log.warn("The {} pass failed; the next one follows: {}", name, ex.toString());
			}
		};
	}

}
