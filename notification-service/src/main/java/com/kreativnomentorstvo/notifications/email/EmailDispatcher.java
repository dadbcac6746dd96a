package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.delivery.Outcomes;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.Notifications;
import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the e-mails that are due. Each delivery is claimed with a conditional update (a lease),
 * so two instances never send the same one at the same time; a transient failure (server down,
 * 4xx reply) is retried with exponential back-off, a permanent one (5xx, a malformed address)
 * fails the delivery at once. Quiet hours postpone what can wait; digest deliveries of one
 * recipient go out together as one e-mail.
 *
 * <p>An e-mail goes out at most once per delivery on a running instance: when marking it sent fails
 * after the SMTP server took it (the store away), the instance remembers that it was sent
 * ({@link SentNotRecorded}) and marks it sent at its next passes, and when the delivery is claimed
 * again, instead of sending it again. A second copy remains possible after a crash or restart
 * between the send and the record, or when the store stays away longer than {@code mail.lease} and
 * another instance claims the delivery; that copy carries the same Message-ID.
 */
@Component
public class EmailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

	static final String SENT = "sent";

	static final String FAILED = "failed";

	static final String NO_CONTACT = "no-contact";

	/** The most sent e-mails whose outcome waits to be recorded that an instance remembers. */
	static final int SENT_NOT_RECORDED_CAPACITY = 10_000;

	private final MongoOperations mongo;

	private final Deliveries deliveries;

	private final Notifications notifications;

	private final EmailComposer composer;

	private final JavaMailSender sender;

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	private final NotificationProperties.Mail settings;

	private final Clock clock;

	private final Outcomes outcomes;

	private final SentNotRecorded sentNotRecorded = new SentNotRecorded(SENT_NOT_RECORDED_CAPACITY);

	EmailDispatcher(MongoOperations mongo, Deliveries deliveries, Notifications notifications, EmailComposer composer,
			JavaMailSender sender, RecipientDirectory recipients, PreferencesStore preferences,
			NotificationProperties properties, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.deliveries = deliveries;
		this.notifications = notifications;
		this.composer = composer;
		this.sender = sender;
		this.recipients = recipients;
		this.preferences = preferences;
		this.settings = properties.mail();
		this.clock = clock;
		this.outcomes = new Outcomes(meters, "mentoring.notifications.email",
				"E-mails by outcome: sent (the SMTP server took it), failed (it did not, or could not be reached;"
						+ " retried unless the failure is permanent), no-contact (the address never arrived)",
				SENT, FAILED, NO_CONTACT);
	}

	/**
	 * Sends what is due now, at most one batch.
	 * @return how many deliveries were handled
	 */
	public int dispatchDue() {
		Instant now = clock.instant();
		recordSentBefore();
		expireAwaitingContact(now);
		int handled = 0;
		while (handled < settings.batch()) {
			Delivery delivery = claim(Criteria.where("status").is(Delivery.Status.PENDING), now);
			if (delivery == null) {
				break;
			}
			handled++;
			try {
				handle(delivery);
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

	private void handle(Delivery delivery) {
		Optional<SentNotRecorded.Sent> sentBefore = sentNotRecorded.of(delivery.id());
		if (sentBefore.isPresent()) {
			markSent(delivery, sentBefore.get()); // it went out; only its outcome was not recorded
			return;
		}
		Notification notification = notifications.findById(delivery.notificationId()).orElse(null);
		if (notification == null || delivery.about().stream().anyMatch(recipients::isErased)) {
			// gone, or about a person erased since it was queued: checked again right before sending
			delivery.cancel();
			save(delivery);
			return;
		}
		String participantId = delivery.fixedAddress() == null ? delivery.recipientId() : null;
		String address = delivery.fixedAddress();
		if (participantId != null) {
			Recipient recipient = recipients.find(participantId).orElse(null);
			address = recipient == null ? null : recipient.email();
			if (address == null) {
				delivery.awaitContact();
				save(delivery);
				return;
			}
			if (!notification.kind().timeSensitive()) {
				Instant quietUntil = preferences.of(participantId)
					.quietUntil(clock.instant(), recipients.zoneOf(recipient, ZoneOffset.UTC));
				if (quietUntil != null) {
					delivery.postpone(quietUntil);
					save(delivery);
					return;
				}
			}
		}
		List<Delivery> batch = new ArrayList<>(List.of(delivery));
		List<Notification> carried = new ArrayList<>(List.of(notification));
		if (delivery.digest() && participantId != null) {
			gatherDigest(participantId, batch, carried);
		}
		send(batch, carried, address, participantId);
	}

	private void gatherDigest(String participantId, List<Delivery> batch, List<Notification> carried) {
		Criteria sameDigest = Criteria.where("status")
			.is(Delivery.Status.PENDING)
			.and("recipientId")
			.is(participantId)
			.and("digest")
			.is(true);
		for (Delivery sibling; (sibling = claim(sameDigest, clock.instant())) != null;) {
			Optional<SentNotRecorded.Sent> sentBefore = sentNotRecorded.of(sibling.id());
			if (sentBefore.isPresent()) {
				markSent(sibling, sentBefore.get());
				continue;
			}
			Notification notification = notifications.findById(sibling.notificationId()).orElse(null);
			if (notification == null || sibling.about().stream().anyMatch(recipients::isErased)) {
				sibling.cancel();
				save(sibling);
			}
			else {
				batch.add(sibling);
				carried.add(notification);
			}
		}
	}

	private void send(List<Delivery> batch, List<Notification> carried, String address, String participantId) {
		try {
			MimeMessage message = composer.compose(batch.get(0), carried, address, participantId);
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			outcomes.count(FAILED);
			Instant failedAt = clock.instant();
			boolean permanent = isPermanent(ex);
			String error = describe(ex);
			log.info("E-mail delivery {} failed ({}): {}", batch.get(0).id(), permanent ? "permanent" : "transient",
					error);
			batch.forEach(delivery -> {
				if (permanent) {
					delivery.rejected(error, failedAt);
				}
				else {
					delivery.failedTransiently(error, failedAt, backOff(delivery.attempts() + 1),
							settings.maxAttempts());
				}
				save(delivery);
			});
			return;
		}
		outcomes.count(SENT);
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

	/** The e-mail went out: the delivery is marked sent, and this instance need not remember it any more. */
	private void markSent(Delivery delivery, SentNotRecorded.Sent sent) {
		delivery.sent(sent.address(), sent.at());
		save(delivery);
		sentNotRecorded.forget(delivery.id());
	}

	/**
	 * Marks sent the deliveries whose e-mail went out before but could not be marked sent then; a
	 * delivery that was meanwhile cancelled (her erasure), finished elsewhere or removed is only
	 * forgotten. Stops at the first failure: the store is still away.
	 */
	private void recordSentBefore() {
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

	/** Fails deliveries whose recipient's address never arrived. */
	private void expireAwaitingContact(Instant now) {
		for (Delivery waiting : deliveries.findByStatusAndCreatedAtLessThan(Delivery.Status.AWAITING_CONTACT,
				now.minus(settings.awaitContact()))) {
			waiting.noContact(now);
			try {
				save(waiting);
				outcomes.count(NO_CONTACT);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// released or erased meanwhile: that decision stands
			}
		}
	}

	/** Saves the delivery; a finished one is kept in the log for {@code mail.retention}. */
	private void save(Delivery delivery) {
		if (delivery.finished()) {
			delivery.keepUntil(clock.instant().plus(settings.retention()));
		}
		deliveries.save(delivery);
	}

	private Delivery claim(Criteria which, Instant now) {
		Query due = Query.query(new Criteria().andOperator(which, Criteria.where("nextAttemptAt").lte(now),
				Criteria.where("leaseUntil").lte(now)))
			.with(Sort.by("nextAttemptAt"));
		return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(settings.lease())),
				FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	/** The wait after the given attempt: the initial back-off, doubled per attempt, capped. */
	Duration backOff(int attempt) {
		Duration wait = settings.initialBackOff();
		for (int i = 1; i < attempt && wait.compareTo(settings.maxBackOff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : wait;
	}

	/** A 5xx reply or a message that cannot be written will not succeed on a retry. */
	static boolean isPermanent(Exception ex) {
		if (ex instanceof AddressException || ex instanceof MailParseException || ex instanceof MailPreparationException) {
			return true;
		}
		Integer code = smtpReply(ex);
		return code != null && code >= 500 && code < 600;
	}

	private static Integer smtpReply(Throwable ex) {
		List<Throwable> pending = new ArrayList<>(List.of(ex));
		for (int i = 0; i < pending.size() && i < 50; i++) {
			Throwable current = pending.get(i);
			if (current instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode();
			}
			if (current instanceof SMTPSendFailedException failed) {
				return failed.getReturnCode();
			}
			if (current instanceof SMTPSenderFailedException failed) {
				return failed.getReturnCode();
			}
			if (current instanceof MailSendException send) {
				pending.addAll(send.getFailedMessages().values());
			}
			if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
			if (current.getCause() != null) {
				pending.add(current.getCause());
			}
		}
		return null;
	}

	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = ex.getMessage() + (root == ex ? "" : " (" + root + ")");
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

}
