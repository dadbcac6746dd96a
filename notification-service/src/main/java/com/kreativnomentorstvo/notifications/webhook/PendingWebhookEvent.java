package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event whose webhook audience cannot be decided yet: a fact the rule needs (its programme, a
 * participant's organisation, a mentorship's members) has not reached this service, because events
 * of other keys arrive in any order. It keeps the event as it goes out and is decided again when the
 * facts arrive, or with what is known by {@code decideBy}. Its id is the event's, so an event offered
 * twice waits once. It names the participants the event is about: erasing one of them deletes it.
 */
@Document("webhook_pending_events")
class PendingWebhookEvent {

	@Id
	private String id;

	private String eventType;

	private String source;

	private String subject;

	private Instant time;

	private String dataSchema;

	private String programmeId;

	private String organisationId;

	private String data;

	/** The participants the event is about. */
	@Indexed
	private List<String> about = new ArrayList<>();

	/** The facts it waits for, as {@link WebhookAudience.Readers#missing()} names them. */
	@Indexed
	private List<String> waitingFor = new ArrayList<>();

	private Instant receivedAt;

	/** When it is decided with what is known, whatever is still missing. */
	private Instant decideBy;

	/** When the sweep looks at it again. */
	@Indexed
	private Instant checkAfter;

	/** Until when one instance holds it while deciding; {@code claim} names that hold. */
	private Instant leaseUntil;

	private String claim;

	PendingWebhookEvent() {
	}

	static PendingWebhookEvent of(OutgoingEvent event, Collection<String> about, Collection<String> waitingFor,
			Instant now, Instant decideBy, Instant checkAfter) {
		PendingWebhookEvent pending = new PendingWebhookEvent();
		pending.id = event.id();
		pending.eventType = event.type();
		pending.source = event.source();
		pending.subject = event.subject();
		pending.time = event.time();
		pending.dataSchema = event.dataSchema();
		pending.programmeId = event.programmeId();
		pending.organisationId = event.organisationId();
		pending.data = event.data();
		pending.about = new ArrayList<>(about);
		pending.waitingFor = new ArrayList<>(waitingFor);
		pending.receivedAt = now;
		pending.decideBy = decideBy;
		pending.checkAfter = checkAfter;
		pending.leaseUntil = Instant.EPOCH;
		return pending;
	}

	/** The event as it goes out. */
	OutgoingEvent event() {
		return new OutgoingEvent(id, eventType, source, subject, time, dataSchema, programmeId, organisationId, data);
	}

	String id() {
		return id;
	}

	String eventType() {
		return eventType;
	}

	List<String> about() {
		return about == null ? List.of() : List.copyOf(about);
	}

	List<String> waitingFor() {
		return waitingFor == null ? List.of() : List.copyOf(waitingFor);
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Instant decideBy() {
		return decideBy;
	}

	String claim() {
		return claim;
	}

}
