package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.notifications.NotificationFailed;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * One event for one subscription, with its delivery log: every request made, its status code or
 * error and how long it took. Its id is derived from the subscription and the event, so an event
 * consumed twice is delivered once; a redelivery asked for by the owner sends it again. It names
 * the participants the event is about: erasing one of them cancels it if it is still pending and
 * empties it (no data, no subject) if it went out. Once finished it is kept until {@code expiresAt}
 * (a TTL index, and the service's purge where the store has none).
 */
@Document("webhook_deliveries")
class WebhookDelivery extends AggregateRoot {

	enum Status {

		PENDING, DELIVERED, FAILED,
		/** Withdrawn before it went out (a person it is about was erased). */
		CANCELLED

	}

	/** Why a delivery was withdrawn: a person it is about was erased. */
	static final String ERASED = "ERASED";

	static final String CIRCUIT_OPEN = "circuit open";

	/** The most requests kept in the log of one delivery. */
	static final int LOG_LIMIT = 50;

	/** One request (or a dispatch held back by the open circuit), as the delivery log shows it. */
	record Attempt(Instant at, Integer statusCode, String error, long durationMillis, String trigger) {
	}

	@Id
	private String id;

	@Indexed
	private String subscriptionId;

	private String eventId;

	private String eventType;

	private String source;

	private String subject;

	private Instant time;

	private String dataSchema;

	private String programmeId;

	private String organisationId;

	private String ownerOrganisationId;

	private String data;

	/** The participants the event is about. */
	@Indexed
	private List<String> about = new ArrayList<>();

	/** When a finished delivery leaves the log. */
	@Indexed(expireAfter = "0s")
	private Instant expiresAt;

	@Indexed
	private Status status;

	private int dispatches;

	private int requests;

	@Indexed
	private Instant nextAttemptAt;

	private Instant leaseUntil;

	private String trigger;

	private List<Attempt> log = new ArrayList<>();

	private Integer lastStatusCode;

	private String failureReason;

	@Indexed
	private Instant createdAt;

	private Instant deliveredAt;

	WebhookDelivery() {
	}

	static String idFor(String subscriptionId, String eventId) {
		return UUID.nameUUIDFromBytes((subscriptionId + "/" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * @param ownerOrganisationId stands in for the event's organisation in the delivery outcome
	 *     events when the event names none
	 */
	static WebhookDelivery of(String subscriptionId, String ownerOrganisationId, OutgoingEvent event,
			Collection<String> about, Instant now) {
		WebhookDelivery delivery = new WebhookDelivery();
		delivery.id = idFor(subscriptionId, event.id());
		delivery.subscriptionId = subscriptionId;
		delivery.eventId = event.id();
		delivery.eventType = event.type();
		delivery.source = event.source();
		delivery.subject = event.subject();
		delivery.time = event.time();
		delivery.dataSchema = event.dataSchema();
		delivery.programmeId = event.programmeId();
		delivery.organisationId = event.organisationId();
		delivery.ownerOrganisationId = ownerOrganisationId;
		delivery.data = event.data();
		delivery.about = new ArrayList<>(about);
		delivery.status = Status.PENDING;
		delivery.nextAttemptAt = now;
		delivery.leaseUntil = Instant.EPOCH;
		delivery.trigger = "event";
		delivery.createdAt = now;
		return delivery;
	}

	/** The event as it goes out. */
	OutgoingEvent event() {
		return new OutgoingEvent(eventId, eventType, source, subject, time, dataSchema, programmeId, organisationId,
				data);
	}

	/** The endpoint took the event (2xx). */
	void delivered(List<Attempt> attempts, Instant at) {
		note(attempts);
		dispatches++;
		trigger = "retry";
		status = Status.DELIVERED;
		deliveredAt = at;
		leaseUntil = Instant.EPOCH;
		record(new NotificationDelivered(id, programmeId, outcomeOrganisation(), subscriptionId, Channel.WEBHOOK,
				kind(eventType), eventId, requests, at));
	}

	/**
	 * Every request of this dispatch failed: dispatched again after the wait, or given up after
	 * the last allowed dispatch.
	 */
	void failed(List<Attempt> attempts, Instant now, Duration wait, int maxDispatches) {
		note(attempts);
		dispatches++;
		trigger = "retry";
		leaseUntil = Instant.EPOCH;
		if (dispatches >= maxDispatches) {
			giveUp("RETRIES_EXHAUSTED", now);
		}
		else {
			nextAttemptAt = now.plus(wait);
		}
	}

	/** The endpoint's circuit is open: no request was made; try when it may have closed. */
	void heldBack(Instant now, Instant until) {
		note(List.of(new Attempt(now, null, CIRCUIT_OPEN, 0, trigger)));
		nextAttemptAt = until;
		leaseUntil = Instant.EPOCH;
	}

	/** The subscription was disabled: this delivery will not be made unless redelivered. */
	void abandon(Instant now) {
		if (status == Status.PENDING) {
			giveUp("ENDPOINT_FAILING", now);
		}
	}

	/** Whether it can be sent again: not once it was emptied because a person it is about was erased. */
	boolean redeliverable() {
		return data != null;
	}

	/** The owner asked for the event again (after a failure, or to replay a delivered one). */
	void redeliver(Instant now) {
		if (!redeliverable()) {
			throw new IllegalStateException("an erased person's event is not sent again");
		}
		status = Status.PENDING;
		expiresAt = null;
		nextAttemptAt = now;
		leaseUntil = Instant.EPOCH;
		trigger = "redelivery";
		failureReason = null;
	}

	/** Withdrawn before it went out, and emptied: a person the event is about was erased. */
	void withdraw() {
		if (status == Status.PENDING) {
			status = Status.CANCELLED;
			failureReason = ERASED;
		}
		data = null;
		subject = null;
		leaseUntil = Instant.EPOCH;
	}

	/** Whether it will not be sent any more (unless redelivered). */
	boolean finished() {
		return status != Status.PENDING;
	}

	/** Kept in the log until then (set when it finished). */
	void keepUntil(Instant until) {
		expiresAt = until;
	}

	private void giveUp(String reason, Instant now) {
		status = Status.FAILED;
		failureReason = reason;
		leaseUntil = Instant.EPOCH;
		record(new NotificationFailed(id, programmeId, outcomeOrganisation(), subscriptionId, Channel.WEBHOOK,
				kind(eventType), eventId, requests, reason, now));
	}

	private String outcomeOrganisation() {
		return organisationId != null ? organisationId : ownerOrganisationId;
	}

	/** The kind of a webhook delivery in the outcome events: the type in kebab case, e.g. {@code session-scheduled}. */
	static String kind(String eventType) {
		return eventType.replaceFirst("^mentoring\\.", "").replaceFirst("\\.v\\d+$", "").replace('.', '-');
	}

	private void note(List<Attempt> attempts) {
		for (Attempt attempt : attempts) {
			if (attempt.statusCode() != null || !CIRCUIT_OPEN.equals(attempt.error())) {
				requests++;
			}
			if (attempt.statusCode() != null) {
				lastStatusCode = attempt.statusCode();
			}
			log.add(attempt);
		}
		while (log.size() > LOG_LIMIT) {
			log.remove(0);
		}
	}

	String id() {
		return id;
	}

	String subscriptionId() {
		return subscriptionId;
	}

	String eventId() {
		return eventId;
	}

	String eventType() {
		return eventType;
	}

	/** The organisation whose subscription it went to (the maker's, for an instance-wide one). */
	String recipientOrganisationId() {
		return ownerOrganisationId;
	}

	List<String> about() {
		return about == null ? List.of() : List.copyOf(about);
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Status status() {
		return status;
	}

	int dispatches() {
		return dispatches;
	}

	int requests() {
		return requests;
	}

	Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	/** Until when the instance that claimed it holds it. */
	Instant leaseUntil() {
		return leaseUntil;
	}

	String trigger() {
		return trigger;
	}

	List<Attempt> log() {
		return List.copyOf(log);
	}

	Integer lastStatusCode() {
		return lastStatusCode;
	}

	String failureReason() {
		return failureReason;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant deliveredAt() {
		return deliveredAt;
	}

}
