package com.kreativnomentorstvo.notifications.inbox;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Removes an erased person's inbox. A notification whose delivered event still waits in the
 * outbox is emptied and hidden now, and removed when the erasure is applied again a little later:
 * never deleted with a pending event.
 */
@Component
public class InboxErasure {

	private final MongoOperations mongo;

	InboxErasure(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** Removes (or, while an event of it waits in the outbox, empties and hides) her notifications. */
	public void erase(String recipientId) {
		Criteria own = Criteria.where("recipientId").is(recipientId);
		mongo.remove(Query.query(new Criteria().andOperator(own,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), Notification.class);
		mongo.updateMulti(Query.query(own), new Update().unset("details").set("inApp", false), Notification.class);
	}

}
