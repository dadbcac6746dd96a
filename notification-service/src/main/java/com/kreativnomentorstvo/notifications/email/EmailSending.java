package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.Notifications;
import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one claimed e-mail delivery, and with a digest delivery every other due one of its
 * recipient's digest, as one e-mail. Right before sending it is checked again: a delivery whose
 * notification is gone or that is about a person erased since it was queued is cancelled; one
 * whose recipient's address is not known waits for it; quiet hours postpone what can wait. A 5xx
 * reply or a message that cannot be written fails for good, any other failure (server down, 4xx
 * reply) is retried; {@link EmailOutcomes} records which.
 */
@Component
class EmailSending {

	private final Notifications notifications;

	private final EmailComposer composer;

	private final JavaMailSender sender;

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	private final DueEmails due;

	private final EmailOutcomes outcomes;

	private final Clock clock;

	EmailSending(Notifications notifications, EmailComposer composer, JavaMailSender sender,
			RecipientDirectory recipients, PreferencesStore preferences, DueEmails due, EmailOutcomes outcomes,
			Clock clock) {
		this.notifications = notifications;
		this.composer = composer;
		this.sender = sender;
		this.recipients = recipients;
		this.preferences = preferences;
		this.due = due;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/** Sends the claimed delivery if it is to go now, and records what came of it. */
	void send(Delivery delivery) {
		if (outcomes.recordIfSentBefore(delivery)) {
			return; // it went out; only its outcome was not recorded
		}
		Notification notification = stillWanted(delivery);
		if (notification == null) {
			outcomes.cancel(delivery);
			return;
		}
		String participantId = delivery.fixedAddress() == null ? delivery.recipientId() : null;
		String address = delivery.fixedAddress();
		if (participantId != null) {
			Recipient recipient = recipients.find(participantId).orElse(null);
			address = recipient == null ? null : recipient.email();
			if (address == null) {
				outcomes.awaitContact(delivery);
				return;
			}
			if (!notification.kind().timeSensitive()) {
				Instant quietUntil = preferences.of(participantId)
					.quietUntil(clock.instant(), recipients.zoneOf(recipient, ZoneOffset.UTC));
				if (quietUntil != null) {
					outcomes.postpone(delivery, quietUntil);
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

	/**
	 * The delivery's notification, or {@code null} if it is gone or is about a person erased since
	 * it was queued (checked again right before sending).
	 */
	private Notification stillWanted(Delivery delivery) {
		Notification notification = notifications.findById(delivery.notificationId()).orElse(null);
		return notification == null || delivery.about().stream().anyMatch(recipients::isErased) ? null : notification;
	}

	private void gatherDigest(String participantId, List<Delivery> batch, List<Notification> carried) {
		for (Delivery sibling; (sibling = due.claimNextOfDigest(participantId, clock.instant())) != null;) {
			if (outcomes.recordIfSentBefore(sibling)) {
				continue;
			}
			Notification notification = stillWanted(sibling);
			if (notification == null) {
				outcomes.cancel(sibling);
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
			outcomes.failed(batch, describe(ex), isPermanent(ex));
			return;
		}
		outcomes.sent(batch, address);
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
