package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Another system's subscription: where to send which event types, the secret the deliveries are
 * signed with, and whether it is still enabled. An endpoint that keeps failing is disabled and its
 * owner told at the contact address.
 */
@Document("webhook_subscriptions")
class WebhookSubscription {

	enum Status {

		ACTIVE, DISABLED

	}

	@Id
	private String id;

	@Indexed
	private String organisationId;

	private String url;

	@Indexed
	private List<String> eventTypes = new ArrayList<>();

	private String secret;

	private String description;

	private String contactEmail;

	private String locale;

	private Status status;

	private String disabledReason;

	private Instant disabledAt;

	private Instant failingSince;

	private int consecutiveFailures;

	private String createdBy;

	private String ownerOrganisationId;

	private Instant createdAt;

	@Version
	private Long version;

	WebhookSubscription() {
	}

	/**
	 * @param organisationId whose events it receives; {@code null} for every organisation (admins only)
	 * @param ownerOrganisationId the organisation of whoever made it, who answers for it
	 */
	WebhookSubscription(String id, String organisationId, String url, List<String> eventTypes, String secret,
			String description, String contactEmail, String locale, String createdBy, String ownerOrganisationId,
			Instant createdAt) {
		this.id = id;
		this.organisationId = organisationId;
		this.url = url;
		this.eventTypes = new ArrayList<>(eventTypes);
		this.secret = secret;
		this.description = description;
		this.contactEmail = contactEmail;
		this.locale = locale;
		this.status = Status.ACTIVE;
		this.createdBy = createdBy;
		this.ownerOrganisationId = ownerOrganisationId;
		this.createdAt = createdAt;
	}

	void change(String url, List<String> eventTypes, String secret, String description, String contactEmail,
			String locale) {
		this.url = url;
		this.eventTypes = new ArrayList<>(eventTypes);
		if (secret != null) {
			this.secret = secret;
		}
		this.description = description;
		this.contactEmail = contactEmail;
		this.locale = locale;
	}

	/** Enabled again by its owner: deliveries resume, the failure count starts over. */
	void enable() {
		status = Status.ACTIVE;
		disabledReason = null;
		disabledAt = null;
		failingSince = null;
		consecutiveFailures = 0;
	}

	boolean receives(String eventType) {
		return eventTypes.contains(eventType);
	}

	String id() {
		return id;
	}

	String organisationId() {
		return organisationId;
	}

	String url() {
		return url;
	}

	List<String> eventTypes() {
		return List.copyOf(eventTypes);
	}

	String secret() {
		return secret;
	}

	String description() {
		return description;
	}

	String contactEmail() {
		return contactEmail;
	}

	String locale() {
		return locale;
	}

	Status status() {
		return status;
	}

	boolean active() {
		return status == Status.ACTIVE;
	}

	String disabledReason() {
		return disabledReason;
	}

	Instant disabledAt() {
		return disabledAt;
	}

	Instant failingSince() {
		return failingSince;
	}

	int consecutiveFailures() {
		return consecutiveFailures;
	}

	/** The organisation that answers for the subscription: its own, or its maker's for an instance-wide one. */
	String ownerOrganisationId() {
		return organisationId != null ? organisationId : ownerOrganisationId;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

}
