package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.delivery.Outcomes;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records what came of an e-mail delivery in the delivery log, and counts it
 * ({@code mentoring.notifications.email{outcome}}): sent; failed, for good or to be tried again
 * after a back-off that doubles per attempt (up to {@code mail.max-attempts}); no contact (the
 * address never came within {@code mail.await-contact}); or not sent now: cancelled, waiting for
 * the address, postponed. A finished delivery is kept in the log for {@code mail.retention}.
 *
 * <p>An e-mail goes out at most once per delivery on a running instance: when marking it sent fails
 * after the SMTP server took it (the store away), the instance remembers that it was sent
 * ({@link SentNotRecorded}) and marks it sent at its next passes, and when the delivery is claimed
 * again, instead of sending it again. A second copy remains possible after a crash or restart
 * between the send and the record, or when the store stays away longer than {@code mail.lease} and
 * another instance claims the delivery; that copy carries the same Message-ID.
 */
@Component
class EmailOutcomes {

	private static final Logger log = LoggerFactory.getLogger(EmailOutcomes.class);

	static final String SENT = "sent";

	static final String FAILED = "failed";

	static final String NO_CONTACT = "no-contact";

	/** The most sent e-mails whose outcome waits to be recorded that an instance remembers. */
	static final int SENT_NOT_RECORDED_CAPACITY = 10_000;

	private final Deliveries deliveries;

	private final NotificationProperties.Mail settings;

	private final Clock clock;

	private final Outcomes counted;

	private final SentNotRecorded sentNotRecorded = new SentNotRecorded(SENT_NOT_RECORDED_CAPACITY);

	EmailOutcomes(Deliveries deliveries, NotificationProperties properties, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.settings = properties.mail();
		this.clock = clock;
		this.counted = new Outcomes(meters, "mentoring.notifications.email",
				"E-mails by outcome: sent (the SMTP server took it), failed (it did not, or could not be reached;"
						+ " retried unless the failure is permanent), no-contact (the address never arrived)",
				SENT, FAILED, NO_CONTACT);
	}

	/** The SMTP server took the e-mail of these deliveries (one, or a digest). */
	void sent(List<Delivery> batch, String address) {
		counted.count(SENT);
		SentNotRecorded.Sent sent = new SentNotRecorded.Sent(address, clock.instant());
		batch.forEach(delivery -> sentNotRecorded.remember(delivery.id(), sent.address(), sent.at()));
		try {
			batch.forEach(delivery -> markSent(delivery, sent));
		}
		catch (RuntimeException ex) {
			log.warn("E-mail delivery {} went out but could not be marked sent; it is marked later, not sent again: {}",
					batch.get(0).id(), ex.toString());
		}
	}

	/**
	 * The e-mail of these deliveries did not go: a permanent failure fails them, any other is tried
	 * again after the back-off (unless the attempts are used up).
	 */
	void failed(List<Delivery> batch, String error, boolean permanent) {
		counted.count(FAILED);
		Instant failedAt = clock.instant();
		log.info("E-mail delivery {} failed ({}): {}", batch.get(0).id(), permanent ? "permanent" : "transient",
				error);
		batch.forEach(delivery -> {
			if (permanent) {
				delivery.rejected(error, failedAt);
			}
			else {
				delivery.failedTransiently(error, failedAt, backOff(delivery.attempts() + 1), settings.maxAttempts());
			}
			save(delivery);
		});
	}

	/**
	 * Whether this instance handed the delivery's e-mail to the SMTP server before without recording
	 * it; if so, it is marked sent now.
	 */
	boolean recordIfSentBefore(Delivery delivery) {
		Optional<SentNotRecorded.Sent> sentBefore = sentNotRecorded.of(delivery.id());
		sentBefore.ifPresent(sent -> markSent(delivery, sent));
		return sentBefore.isPresent();
	}

	/** Not wanted any more (its notification is gone, or a person it is about was erased). */
	void cancel(Delivery delivery) {
		delivery.cancel();
		save(delivery);
	}

	/** The recipient's address is not known (any more): the e-mail waits for her contact record. */
	void awaitContact(Delivery delivery) {
		delivery.awaitContact();
		save(delivery);
	}

	/** Not now (quiet hours): it goes at the given time instead. */
	void postpone(Delivery delivery, Instant until) {
		delivery.postpone(until);
		save(delivery);
	}

	/**
	 * Marks sent the deliveries whose e-mail went out before but could not be marked sent then; a
	 * delivery that was meanwhile cancelled (her erasure), finished elsewhere or removed is only
	 * forgotten. Stops at the first failure: the store is still away.
	 */
	void recordSentBefore() {
		for (Map.Entry<String, SentNotRecorded.Sent> entry : sentNotRecorded.all().entrySet()) {
			try {
				Delivery delivery = deliveries.findById(entry.getKey()).orElse(null);
				if (delivery == null || delivery.finished()) {
					sentNotRecorded.forget(entry.getKey());
				}
				else {
					markSent(delivery, entry.getValue());
					log.info("E-mail delivery {} marked sent after the store came back; it was not sent again",
							entry.getKey());
				}
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// read again at the next pass
			}
			catch (RuntimeException ex) {
				log.debug("Could not mark e-mail delivery {} sent yet: {}", entry.getKey(), ex.toString());
				return;
			}
		}
	}

	/** Fails the deliveries whose recipient's address never arrived. */
	void expireAwaitingContact(Instant now) {
		for (Delivery waiting : deliveries.findByStatusAndCreatedAtLessThan(Delivery.Status.AWAITING_CONTACT,
				now.minus(settings.awaitContact()))) {
			waiting.noContact(now);
			try {
				save(waiting);
				counted.count(NO_CONTACT);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// released or erased meanwhile: that decision stands
			}
		}
	}

	/** The wait after the given attempt: the initial back-off, doubled per attempt, capped. */
	Duration backOff(int attempt) {
		Duration wait = settings.initialBackOff();
		for (int i = 1; i < attempt && wait.compareTo(settings.maxBackOff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : wait;
	}

	/** The e-mail went out: the delivery is marked sent, and this instance need not remember it any more. */
	private void markSent(Delivery delivery, SentNotRecorded.Sent sent) {
		delivery.sent(sent.address(), sent.at());
		save(delivery);
		sentNotRecorded.forget(delivery.id());
	}

	/** Saves the delivery; a finished one is kept in the log for {@code mail.retention}. */
	private void save(Delivery delivery) {
		if (delivery.finished()) {
			delivery.keepUntil(clock.instant().plus(settings.retention()));
		}
		deliveries.save(delivery);
	}

}
