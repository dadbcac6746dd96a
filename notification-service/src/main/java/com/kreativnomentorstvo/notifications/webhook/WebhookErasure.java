package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/**
 * What an erasure does to webhook deliveries of events about the person: those not yet sent are
 * withdrawn, and every one of them (sent or not) loses the event's data and subject, so the
 * delivery log keeps only that an event of that type went to the subscription, and when; events
 * about her still waiting for their audience ({@link PendingWebhookEvent}) are deleted. Her
 * erasure event itself is the exception: it carries ids only, and subscribers need it to forget
 * her. Applied again by the periodic erasure pass, so a delivery queued in a race is caught too.
 */
@Component
public class WebhookErasure {

	private final MongoOperations mongo;

	private final Duration retention;

	private final Clock clock;

	WebhookErasure(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.retention = properties.webhooks().retention();
		this.clock = clock;
	}

	/** Withdraws and empties the deliveries about the person, and deletes the events about her that wait. */
	public void erase(String participantId) {
		Criteria about = Criteria.where("about").is(participantId)
			.and("eventType").ne(EventType.PARTICIPANT_ERASED.typeName());
		mongo.updateMulti(Query.query(new Criteria().andOperator(about,
				Criteria.where("status").is(WebhookDelivery.Status.PENDING))),
				new Update().set("status", WebhookDelivery.Status.CANCELLED)
					.set("failureReason", WebhookDelivery.ERASED)
					.set("leaseUntil", Instant.EPOCH)
					.set("expiresAt", clock.instant().plus(retention))
					.inc("version", 1),
				WebhookDelivery.class);
		mongo.updateMulti(Query.query(new Criteria().andOperator(about, Criteria.where("data").exists(true))),
				new Update().unset("data").unset("subject").inc("version", 1), WebhookDelivery.class);
		mongo.remove(Query.query(Criteria.where("about").is(participantId)
			.and("eventType").ne(EventType.PARTICIPANT_ERASED.typeName())), PendingWebhookEvent.class);
	}

}
