package com.kreativnomentorstvo.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.notifications.NotificationFailed;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * One e-mail of one notification to one recipient: the delivery log's entry. Its id is the
 * delivery key (cause, recipient, channel), so the same event never mails the same person twice.
 * It waits for the recipient's address, is retried with back-off after transient failures, and
 * ends delivered or failed, recording {@code notification.delivered} or {@code .failed}. It names
 * the people it is about (its recipient, and the other side of a pair it mentions): if one of them
 * is erased before it goes, it is cancelled. Once finished it is kept until {@code expiresAt} (a
 * TTL index, and the service's purge where the store has none).
 */
@Document("deliveries")
public class Delivery extends AggregateRoot {

	/** Where a delivery stands. */
	public enum Status {

		/** The recipient's address is not known yet; goes on when the contact record arrives. */
		AWAITING_CONTACT,
		/** Due at {@code nextAttemptAt}. */
		PENDING,
		DELIVERED,
		/** Given up; see {@code failureReason}. */
		FAILED,
		/** No longer wanted (the recipient was erased). */
		CANCELLED

	}

	@Id
	private String id;

	private String notificationId;

	@Indexed
	private String recipientId;

	private Channel channel;

	private String kind;

	private String programmeId;

	private String organisationId;

	private String causedBy;

	@Indexed
	private Status status;

	private boolean digest;

	private String fixedAddress;

	private String address;

	private int attempts;

	@Indexed
	private Instant nextAttemptAt;

	private Instant leaseUntil;

	private String lastError;

	private String failureReason;

	private Instant createdAt;

	private Instant deliveredAt;

	private Instant failedAt;

	/** The people the message is about: its recipient, and the other side of a pair it mentions. */
	@Indexed
	private List<String> about = new ArrayList<>();

	/** When a finished delivery leaves the log. */
	@Indexed(expireAfter = "0s")
	private Instant expiresAt;

	Delivery() {
	}

	/** The delivery key of a cause, a recipient and a channel. */
	public static String keyFor(String causedBy, String recipientId, Channel channel) {
		return causedBy + "/" + recipientId + "/" + channel.name();
	}

	/**
	 * A new e-mail of the notification.
	 * @param fixedAddress the address of a recipient who is not a participant, else {@code null}
	 * @param addressKnown whether it can be sent now, or waits for the recipient's contact record
	 * @param digest whether it waits for the recipient's daily digest
	 * @param due when it may go
	 */
	static Delivery email(Notification notification, String fixedAddress, boolean addressKnown, boolean digest,
			Instant due, Instant now) {
		Delivery delivery = new Delivery();
		delivery.id = keyFor(notification.causedBy(), notification.recipientId(), Channel.EMAIL);
		delivery.notificationId = notification.id();
		delivery.recipientId = notification.recipientId();
		delivery.channel = Channel.EMAIL;
		delivery.kind = notification.kind().code();
		delivery.programmeId = notification.programmeId();
		delivery.organisationId = notification.organisationId();
		delivery.causedBy = notification.causedBy();
		delivery.about = new ArrayList<>(notification.about());
		delivery.fixedAddress = fixedAddress;
		delivery.status = addressKnown ? Status.PENDING : Status.AWAITING_CONTACT;
		delivery.digest = digest;
		delivery.nextAttemptAt = due;
		delivery.leaseUntil = Instant.EPOCH;
		delivery.createdAt = now;
		return delivery;
	}

	/** The SMTP server accepted the message. */
	public void sent(String address, Instant at) {
		attempts++;
		this.address = address;
		status = Status.DELIVERED;
		deliveredAt = at;
		lastError = null;
		leaseUntil = Instant.EPOCH;
		record(new NotificationDelivered(notificationId, programmeId, organisationId, recipientId, channel, kind,
				causedBy, attempts, at));
	}

	/**
	 * A failure that may pass (server down, temporary refusal): tried again after the wait, unless
	 * the attempts are used up.
	 */
	public void failedTransiently(String error, Instant now, Duration wait, int maxAttempts) {
		attempts++;
		lastError = error;
		leaseUntil = Instant.EPOCH;
		if (attempts >= maxAttempts) {
			fail("RETRIES_EXHAUSTED", now);
		}
		else {
			nextAttemptAt = now.plus(wait);
		}
	}

	/** The server refused the message for good (e.g. unknown mailbox). */
	public void rejected(String error, Instant now) {
		attempts++;
		lastError = error;
		fail("SMTP_REJECTED", now);
	}

	/** The recipient's address never became known. */
	public void noContact(Instant now) {
		lastError = "no contact details";
		fail("NO_CONTACT", now);
	}

	/** Not now (quiet hours): goes at the given time instead, without counting as an attempt. */
	public void postpone(Instant until) {
		nextAttemptAt = until;
		leaseUntil = Instant.EPOCH;
	}

	/** The address is unknown after all (e.g. the contact record lost it): wait for the next one. */
	public void awaitContact() {
		status = Status.AWAITING_CONTACT;
		leaseUntil = Instant.EPOCH;
	}

	/** Not wanted any more. */
	public void cancel() {
		if (status == Status.PENDING || status == Status.AWAITING_CONTACT) {
			status = Status.CANCELLED;
		}
		leaseUntil = Instant.EPOCH;
	}

	/** Whether it will not be sent any more. */
	public boolean finished() {
		return status == Status.DELIVERED || status == Status.FAILED || status == Status.CANCELLED;
	}

	/** Kept in the log until then (set when it finished). */
	public void keepUntil(Instant until) {
		expiresAt = until;
	}

	private void fail(String reason, Instant now) {
		status = Status.FAILED;
		failureReason = reason;
		failedAt = now;
		leaseUntil = Instant.EPOCH;
		record(new NotificationFailed(notificationId, programmeId, organisationId, recipientId, channel, kind, causedBy,
				attempts, reason, now));
	}

	public String id() {
		return id;
	}

	public String notificationId() {
		return notificationId;
	}

	public String recipientId() {
		return recipientId;
	}

	public String kind() {
		return kind;
	}

	public String causedBy() {
		return causedBy;
	}

	/** The people the message is about (its recipient first). */
	public List<String> about() {
		return about == null || about.isEmpty() ? (recipientId == null ? List.of() : List.of(recipientId))
				: List.copyOf(about);
	}

	public Channel channel() {
		return channel == null ? Channel.EMAIL : channel;
	}

	public Instant expiresAt() {
		return expiresAt;
	}

	public Status status() {
		return status;
	}

	public boolean digest() {
		return digest;
	}

	/** The address of a recipient who is not a participant (e.g. a webhook's owner), or {@code null}. */
	public String fixedAddress() {
		return fixedAddress;
	}

	public String address() {
		return address;
	}

	public int attempts() {
		return attempts;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	public String lastError() {
		return lastError;
	}

	public String failureReason() {
		return failureReason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant deliveredAt() {
		return deliveredAt;
	}

	public Instant failedAt() {
		return failedAt;
	}

}
