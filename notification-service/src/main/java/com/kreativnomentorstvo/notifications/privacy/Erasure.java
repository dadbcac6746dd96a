package com.kreativnomentorstvo.notifications.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.notifications.delivery.DeliveryErasure;
import com.kreativnomentorstvo.notifications.inbox.InboxErasure;
import com.kreativnomentorstvo.notifications.inbox.NotificationStream;
import com.kreativnomentorstvo.notifications.recipient.ErasedParticipants;
import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.ReminderPlanner;
import com.kreativnomentorstvo.notifications.webhook.WebhookErasure;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * Forgets a person (a participant, or a coordinator by her account id), everywhere in this service:
 * her id is kept as erased, so that replays of the topics' history never bring her back, her
 * recipient record and preferences are deleted, and each feature drops what it holds of her: her
 * inbox and e-mail log (what still has an event waiting in the outbox is emptied now and removed
 * when the erasure is applied again), e-mails and webhook deliveries about her that have not gone,
 * her reminders and her open streams. Idempotent; the erasures of the last day are applied again
 * every ten minutes.
 */
@Service
public class Erasure implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	/** How often recent erasures are applied again, and for how long after each. */
	private static final Duration AGAIN_EVERY = Duration.ofMinutes(10);

	private static final Duration AGAIN_FOR = Duration.ofDays(1);

	private final ErasedParticipants erased;

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	private final InboxErasure inbox;

	private final NotificationStream streams;

	private final DeliveryErasure emails;

	private final WebhookErasure webhooks;

	private final ReminderPlanner reminders;

	private final Clock clock;

	Erasure(ErasedParticipants erased, RecipientDirectory recipients, PreferencesStore preferences, InboxErasure inbox,
			NotificationStream streams, DeliveryErasure emails, WebhookErasure webhooks, ReminderPlanner reminders,
			Clock clock) {
		this.erased = erased;
		this.recipients = recipients;
		this.preferences = preferences;
		this.inbox = inbox;
		this.streams = streams;
		this.emails = emails;
		this.webhooks = webhooks;
		this.reminders = reminders;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("erasure pass", () -> applyRecentAgain(clock.instant()), log),
				AGAIN_EVERY);
	}

	/** Erases the person (erased or removed at the given time). */
	public void erase(String personId, Instant at) {
		erased.add(personId, at);
		recipients.forget(personId);
		preferences.forget(personId);
		dropEverywhere(personId);
		log.info("Erased participant {} from notifications", personId);
	}

	/**
	 * A tombstone on the contacts topic: the participant, or the coordinator, of that key is erased.
	 * A coordinator's erasure counts from the newest of her records known here (the tombstone has no
	 * time of its own), so that her history replayed stays out while a later appointment, however
	 * late this service learns of it, brings her back.
	 */
	public void contactRemoved(String key, Instant now) {
		Instant at = recipients.find(key)
			.filter(Recipient::isStaff)
			.map(r -> Stream.of(r.contactChangedAt(), r.appointedAt())
				.filter(Objects::nonNull)
				.max(Instant::compareTo)
				.filter(latest -> latest.isBefore(now))
				.orElse(now))
			.orElse(now);
		erase(key, at);
	}

	/**
	 * Applies the erasures of the last day again, so that records kept back at the first pass (an
	 * event of theirs was still waiting in the outbox) are removed now.
	 */
	void applyRecentAgain(Instant now) {
		erased.erasedSince(now.minus(AGAIN_FOR)).forEach(this::dropEverywhere);
	}

	private void dropEverywhere(String personId) {
		inbox.erase(personId);
		streams.disconnect(personId);
		emails.erase(personId);
		webhooks.erase(personId);
		reminders.participantLeft(personId);
	}

}
