package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.inbox.InboxRetention;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.recipient.ContactKnown;
import com.kreativnomentorstvo.notifications.recipient.Preferences;
import com.kreativnomentorstvo.notifications.recipient.PreferencesStore;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * Turns "tell this person about that" into a notification and the deliveries she wants: the inbox
 * entry and an e-mail (now, after her quiet hours, in her digest, or once her address is known).
 * Everything is keyed by the cause, so telling the same thing twice has no second effect.
 */
@Service
public class Notifier {

	private final MongoOperations mongo;

	private final RecipientDirectory recipients;

	private final PreferencesStore preferences;

	private final InboxRetention retention;

	private final Clock clock;

	Notifier(MongoOperations mongo, RecipientDirectory recipients, PreferencesStore preferences,
			InboxRetention retention, Clock clock) {
		this.mongo = mongo;
		this.recipients = recipients;
		this.preferences = preferences;
		this.retention = retention;
		this.clock = clock;
	}

	/** What to tell, to whom and why. */
	public record Notice(NotificationKind kind, String causedBy, String recipientId, String programmeId,
			String organisationId, Details details) {
	}

	/**
	 * Notifies a participant (or a coordinator) over the channels she wants; a kind she cannot
	 * choose goes over every channel it has, and a security message by e-mail only, at once.
	 * Nothing happens for an erased recipient, nor about an erased person (the other side of a pair
	 * in a late or replayed event), nor for a withdrawn participant unless it is a security message
	 * (a password reset still reaches her).
	 */
	public void notify(Notice notice) {
		String recipientId = notice.recipientId();
		NotificationKind kind = notice.kind();
		String counterpart = notice.details() == null ? null : notice.details().counterpartId();
		if (recipientId == null || recipients.isErased(recipientId)
				|| (counterpart != null && recipients.isErased(counterpart))) {
			return;
		}
		Optional<Recipient> recipient = recipients.find(recipientId);
		if (recipient.map(Recipient::withdrawn).orElse(false) && !kind.security()) {
			return;
		}
		Preferences chosen = preferences.of(recipientId);
		Instant now = clock.instant();
		Notification notification = Notification.create(kind, notice.causedBy(), recipientId, notice.programmeId(),
				notice.organisationId(), notice.details(), kind.inbox() && chosen.wants(kind, Channel.IN_APP), null,
				now, retention.expiresAt(now));
		if (insert(notification)) {
			retention.trim(recipientId);
		}
		if (!chosen.wants(kind, Channel.EMAIL)) {
			return;
		}
		boolean addressKnown = recipient.map(Recipient::email).isPresent();
		boolean digest = chosen.digest() == Preferences.Digest.DAILY && !kind.timeSensitive();
		ZoneId zone = recipient.map(r -> recipients.zoneOf(r, ZoneOffset.UTC)).orElse(ZoneOffset.UTC);
		Instant due = digest ? chosen.nextDigest(now, zone) : now;
		if (insert(Delivery.email(notification, null, addressKnown, digest, due, now)) && !addressKnown
				&& recipients.find(recipientId).map(Recipient::email).isPresent()) {
			// the contact record arrived while this was being written: do not wait for the next one
			releaseAwaiting(recipientId, now);
		}
	}

	/**
	 * Notifies someone who is not a participant (e.g. the owner of a webhook) by e-mail only, in a
	 * fixed language.
	 */
	public void notifyAddress(NotificationKind kind, String causedBy, String recipientKey, String address,
			String locale, String programmeId, String organisationId, Details details) {
		Instant now = clock.instant();
		Notification notification = Notification.create(kind, causedBy, recipientKey, programmeId, organisationId,
				details, false, locale, now, retention.expiresAt(now));
		insert(notification);
		if (address != null && !address.isBlank()) {
			insert(Delivery.email(notification, address, true, false, now, now));
		}
	}

	/** Her contact record arrived: the e-mails that waited for her address go. */
	@EventListener
	void contactKnown(ContactKnown contact) {
		releaseAwaiting(contact.participantId(), clock.instant());
	}

	/** Sends the e-mails that waited for the participant's address. */
	private void releaseAwaiting(String recipientId, Instant now) {
		mongo.updateMulti(
				Query.query(Criteria.where("recipientId").is(recipientId).and("status").is(Delivery.Status.AWAITING_CONTACT)),
				new Update().set("status", Delivery.Status.PENDING).set("nextAttemptAt", now).set("leaseUntil", Instant.EPOCH)
					.inc("version", 1),
				Delivery.class);
	}

	private boolean insert(Object entity) {
		try {
			mongo.insert(entity);
			return true;
		}
		catch (DuplicateKeyException alreadyThere) {
			return false;
		}
	}

}
