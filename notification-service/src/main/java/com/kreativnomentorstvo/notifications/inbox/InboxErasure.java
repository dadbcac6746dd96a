package com.kreativnomentorstvo.notifications.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.recipient.RecipientErased;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Removes an erased participant's inbox. A notification whose delivered event still waits in the
 * outbox is emptied and hidden now, and removed when the erasure is applied again a little later
 * ({@code RecipientDirectory#reapplyRecentErasures}): never deleted with a pending event.
 */
@Component
class InboxErasure {

	private final MongoOperations mongo;

	InboxErasure(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@EventListener
	void erased(RecipientErased erased) {
		Criteria own = Criteria.where("recipientId").is(erased.participantId());
		mongo.remove(Query.query(new Criteria().andOperator(own,
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), Notification.class);
		mongo.updateMulti(Query.query(own), new Update().unset("details").set("inApp", false), Notification.class);
	}

}
