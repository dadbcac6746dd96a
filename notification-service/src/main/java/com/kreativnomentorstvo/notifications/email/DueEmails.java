package com.kreativnomentorstvo.notifications.email;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Delivery;

/**
 * Claims the e-mail deliveries that are due, earliest first, each with a conditional update that
 * gives this instance a lease of {@code mail.lease}: two instances never send the same one at the
 * same time, and one that dies leaves a lease that runs out.
 */
@Component
class DueEmails {

	private final MongoOperations mongo;

	private final Duration lease;

	DueEmails(MongoOperations mongo, NotificationProperties properties) {
		this.mongo = mongo;
		this.lease = properties.mail().lease();
	}

	/** The next due delivery, claimed for this instance, or {@code null}. */
	Delivery claimNext(Instant now) {
		return claim(Criteria.where("status").is(Delivery.Status.PENDING), now);
	}

	/** The next due delivery that is not part of a daily digest, claimed for this instance, or {@code null}. */
	Delivery claimNextSingle(Instant now) {
		return claim(Criteria.where("status").is(Delivery.Status.PENDING).and("digest").ne(true), now);
	}

	/** The next due delivery of the recipient's daily digest, claimed for this instance, or {@code null}. */
	Delivery claimNextOfDigest(String recipientId, Instant now) {
		return claim(Criteria.where("status")
			.is(Delivery.Status.PENDING)
			.and("recipientId")
			.is(recipientId)
			.and("digest")
			.is(true), now);
	}

	private Delivery claim(Criteria which, Instant now) {
		Query due = Query.query(new Criteria().andOperator(which, Criteria.where("nextAttemptAt").lte(now),
				Criteria.where("leaseUntil").lte(now)))
			.with(Sort.by("nextAttemptAt"));
		return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

}
