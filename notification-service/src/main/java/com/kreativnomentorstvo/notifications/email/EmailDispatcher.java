package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * Sends the e-mails that are due, every {@code mail.poll-interval}: first the outcomes this instance
 * could not record before are recorded and the e-mails whose address never came are failed
 * ({@link EmailOutcomes}), then at most {@code mail.batch} due deliveries are claimed
 * ({@link DueEmails}) and sent one by one ({@link EmailSending}). A failing pass (e.g. the store
 * briefly away) is logged and the next one runs as planned.
 */
@Component
class EmailDispatcher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

	private final DueEmails due;

	private final EmailSending sending;

	private final EmailOutcomes outcomes;

	private final NotificationProperties.Mail settings;

	private final Clock clock;

	EmailDispatcher(DueEmails due, EmailSending sending, EmailOutcomes outcomes, NotificationProperties properties,
			Clock clock) {
		this.due = due;
		this.sending = sending;
		this.outcomes = outcomes;
		this.settings = properties.mail();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("e-mail pass", this::dispatchDue, log), settings.pollInterval());
	}

	/**
	 * Sends what is due now, at most one batch.
	 * @return how many deliveries were handled
	 */
	int dispatchDue() {
		Instant now = clock.instant();
		outcomes.recordSentBefore();
		outcomes.expireAwaitingContact(now);
		int handled = 0;
		while (handled < settings.batch()) {
			Delivery delivery = due.claimNext(now);
			if (delivery == null) {
				break;
			}
			handled++;
			try {
				sending.send(delivery);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				log.debug("Delivery {} changed while being sent (erased?); leaving it", delivery.id());
			}
			catch (RuntimeException ex) {
				log.warn("Could not handle delivery {}; it is retried after its lease: {}", delivery.id(), ex.toString());
			}
		}
		return handled;
	}

}
