package com.kreativnomentorstvo.notifications.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.ScheduledPass;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;

/**
 * Keeps the inbox bounded: a notification read by its recipient goes {@code inbox.read-retention}
 * after it was made, an unread one {@code inbox.unread-retention} after, and a recipient keeps at
 * most {@code inbox.max-per-recipient} of them (the oldest go first). The outer bound is also a TTL
 * index ({@code expiresAt}); the rest is this purge, every {@code purge-interval}, which also bounds
 * stores without TTL indexes (the embedded one). A notification whose delivered event still waits in
 * the outbox stays until it is relayed.
 */
@Component
public class InboxRetention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

	private final MongoOperations mongo;

	private final NotificationProperties.Inbox settings;

	private final Duration purgeInterval;

	private final Clock clock;

	InboxRetention(MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.settings = properties.inbox();
		this.purgeInterval = properties.purgeInterval();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("inbox purge", this::purge, log), purgeInterval);
	}

	/** When a notification made at the instant leaves the store at the latest, read or not. */
	public Instant expiresAt(Instant createdAt) {
		Duration longest = settings.readRetention().compareTo(settings.unreadRetention()) > 0 ? settings.readRetention()
				: settings.unreadRetention();
		return createdAt.plus(longest);
	}

	/** Drops the recipient's oldest notifications beyond the most kept per recipient. */
	public void trim(String recipientId) {
		Query own = Query.query(Criteria.where("recipientId").is(recipientId));
		long beyond = mongo.count(own, Notification.class) - settings.maxPerRecipient();
		if (beyond <= 0) {
			return;
		}
		Query oldest = Query.query(new Criteria().andOperator(Criteria.where("recipientId").is(recipientId),
				relayed()))
			.with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
			.limit((int) Math.min(beyond, 1_000));
		oldest.fields().include("_id");
		List<Object> ids = mongo.find(oldest, Document.class, mongo.getCollectionName(Notification.class))
			.stream()
			.map(document -> document.get("_id"))
			.toList();
		if (!ids.isEmpty()) {
			mongo.remove(Query.query(Criteria.where("_id").in(ids)), Notification.class);
		}
	}

	/**
	 * Removes what has expired: read notifications older than the read retention, unread ones older
	 * than the unread retention.
	 * @return how many were removed
	 */
	public long purge() {
		Instant now = clock.instant();
		Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lte(now),
				new Criteria().andOperator(Criteria.where("readAt").ne(null),
						Criteria.where("createdAt").lt(now.minus(settings.readRetention()))),
				new Criteria().andOperator(Criteria.where("readAt").is(null),
						Criteria.where("createdAt").lt(now.minus(settings.unreadRetention()))));
		return mongo.remove(Query.query(new Criteria().andOperator(expired, relayed())), Notification.class)
			.getDeletedCount();
	}

	/** Notifications whose outbox holds no event still to be published. */
	private static Criteria relayed() {
		return Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false);
	}

}
