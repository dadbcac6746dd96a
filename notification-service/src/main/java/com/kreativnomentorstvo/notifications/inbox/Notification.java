package com.kreativnomentorstvo.notifications.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * One message to one recipient, caused by one event (or reminder). Its id is derived from the
 * cause and the recipient, so the same cause never yields a second notification. It shows in the
 * recipient's inbox unless she turned the inbox off for its kind; storing it there is its in-app
 * delivery. It leaves the store at {@code expiresAt} (a TTL index; the service's purge also removes
 * read ones sooner, and the oldest beyond the most kept per recipient).
 */
@Document("notifications")
public class Notification extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String recipientId;

	private String programmeId;

	private String organisationId;

	private String kind;

	private String causedBy;

	private Details details;

	private boolean inApp;

	private String locale;

	@Indexed
	private Instant createdAt;

	private Instant readAt;

	/** When it leaves the store, read or not. */
	@Indexed(expireAfter = "0s")
	private Instant expiresAt;

	Notification() {
	}

	/** The id of the notification a cause (an event or reminder id) yields for a recipient. */
	public static String idFor(String causedBy, String recipientId) {
		return UUID.nameUUIDFromBytes((causedBy + "/" + recipientId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * A new notification.
	 * @param inApp whether it shows in the inbox (recorded as its in-app delivery)
	 * @param locale a fixed language (for recipients who are not participants), or {@code null}
	 */
	public static Notification create(NotificationKind kind, String causedBy, String recipientId, String programmeId,
			String organisationId, Details details, boolean inApp, String locale, Instant at, Instant expiresAt) {
		Notification notification = new Notification();
		notification.id = idFor(causedBy, recipientId);
		notification.kind = kind.code();
		notification.causedBy = causedBy;
		notification.recipientId = recipientId;
		notification.programmeId = programmeId;
		notification.organisationId = organisationId;
		notification.details = details == null ? new Details() : details;
		notification.inApp = inApp;
		notification.locale = locale;
		notification.createdAt = at;
		notification.expiresAt = expiresAt;
		if (inApp) {
			notification.record(new NotificationDelivered(notification.id, programmeId, organisationId, recipientId,
					Channel.IN_APP, kind.code(), causedBy, 1, at));
		}
		return notification;
	}

	public String id() {
		return id;
	}

	public String recipientId() {
		return recipientId;
	}

	public String programmeId() {
		return programmeId;
	}

	public String organisationId() {
		return organisationId;
	}

	public NotificationKind kind() {
		return NotificationKind.ofCode(kind).orElseThrow();
	}

	public String causedBy() {
		return causedBy;
	}

	public Details details() {
		return details == null ? new Details() : details;
	}

	public boolean inApp() {
		return inApp;
	}

	/** The fixed language of the notification, or {@code null} to write in the recipient's. */
	public String locale() {
		return locale;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant readAt() {
		return readAt;
	}

	/**
	 * The people it is about: its recipient, and the other side of a pair it mentions. Nobody hears
	 * about a person after her erasure.
	 */
	public List<String> about() {
		List<String> about = new ArrayList<>();
		about.add(recipientId);
		String counterpart = details().counterpartId();
		if (counterpart != null && !counterpart.equals(recipientId)) {
			about.add(counterpart);
		}
		return List.copyOf(about);
	}

}
