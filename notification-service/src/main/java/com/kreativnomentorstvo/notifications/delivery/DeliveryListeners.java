package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.recipient.ContactKnown;
import com.kreativnomentorstvo.notifications.recipient.RecipientErased;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * What happens to deliveries when a recipient changes: e-mails waiting for an address go once it
 * is known; an erased recipient's log entries are removed (or, while an event of theirs still
 * waits in the outbox, stripped of the address and error text and removed at the next pass), and
 * e-mails to others about her that have not gone yet are cancelled.
 */
@Component
class DeliveryListeners {

	private final Notifier notifier;

	private final MongoOperations mongo;

	private final Duration retention;

	private final Clock clock;

	DeliveryListeners(Notifier notifier, MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.notifier = notifier;
		this.mongo = mongo;
		this.retention = properties.mail().retention();
		this.clock = clock;
	}

	@EventListener
	void contactKnown(ContactKnown contact) {
		notifier.releaseAwaiting(contact.participantId(), clock.instant());
	}

	@EventListener
	void erased(RecipientErased erased) {
		Criteria own = Criteria.where("recipientId").is(erased.participantId());
		mongo.remove(Query.query(new Criteria().andOperator(own,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), Delivery.class);
		mongo.updateMulti(Query.query(own), new Update().unset("address").unset("lastError").inc("version", 1), Delivery.class);
		Criteria ofOrAboutHer = new Criteria().orOperator(own, Criteria.where("about").is(erased.participantId()));
		mongo.updateMulti(
				Query.query(new Criteria().andOperator(ofOrAboutHer,
						Criteria.where("status").in(Delivery.Status.PENDING, Delivery.Status.AWAITING_CONTACT))),
				new Update().set("status", Delivery.Status.CANCELLED)
					.set("expiresAt", clock.instant().plus(retention))
					.inc("version", 1),
				Delivery.class);
	}

}
