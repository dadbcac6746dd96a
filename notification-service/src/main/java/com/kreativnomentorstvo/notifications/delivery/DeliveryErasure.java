package com.kreativnomentorstvo.notifications.delivery;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * What an erasure does to the e-mail delivery log: the erased person's entries are removed (or,
 * while an event of theirs still waits in the outbox, stripped of the address and error text and
 * removed when the erasure is applied again), and e-mails to anyone about her that have not gone yet
 * are cancelled.
 */
@Component
public class DeliveryErasure {

	private final MongoOperations mongo;

	private final Duration retention;

	private final Clock clock;

	DeliveryErasure(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.retention = properties.mail().retention();
		this.clock = clock;
	}

	/** Forgets her e-mails and cancels those about her that wait. */
	public void erase(String participantId) {
		Criteria own = Criteria.where("recipientId").is(participantId);
		mongo.remove(Query.query(new Criteria().andOperator(own,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), Delivery.class);
		mongo.updateMulti(Query.query(own), new Update().unset("address").unset("lastError").inc("version", 1),
				Delivery.class);
		Criteria ofOrAboutHer = new Criteria().orOperator(own, Criteria.where("about").is(participantId));
		mongo.updateMulti(
				Query.query(new Criteria().andOperator(ofOrAboutHer,
						Criteria.where("status").in(Delivery.Status.PENDING, Delivery.Status.AWAITING_CONTACT))),
				new Update().set("status", Delivery.Status.CANCELLED)
					.set("expiresAt", clock.instant().plus(retention))
					.inc("version", 1),
				Delivery.class);
	}

}
