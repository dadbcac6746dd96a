package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * Hands the webhook deliveries that are due to the workers, every {@code webhooks.poll-interval} and
 * whenever a dispatch ends (to the place it freed).
 * The polling thread only claims deliveries, and only as many as there are free workers and for
 * endpoints with a free place ({@link WebhookWorkers}); the workers send them ({@link WebhookSender}).
 * So a slow, silent or hostile endpoint holds a few workers for at most one request's deadline each
 * while every other endpoint's deliveries go on. Deliveries are claimed with a lease longer than a
 * dispatch can take (checked at start-up), so instances never send the same one at once.
 */
@Component
class WebhookDispatcher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final MongoOperations mongo;

	private final WebhookWorkers workers;

	private final WebhookSender sender;

	private final NotificationProperties.Webhooks settings;

	private final Clock clock;

	WebhookDispatcher(MongoOperations mongo, WebhookWorkers workers, WebhookSender sender,
			NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.workers = workers;
		this.sender = sender;
		this.settings = properties.webhooks();
		this.clock = clock;
		Duration longestDispatch = longestDispatch(settings);
		if (settings.lease().compareTo(longestDispatch) <= 0) {
			throw new IllegalStateException("mentoring.notifications.webhooks.lease (" + settings.lease()
					+ ") must be longer than a dispatch can take (" + longestDispatch + ": retry.max-attempts"
					+ " requests of at most webhooks.timeout and the waits between them)");
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("webhooks pass", this::dispatchDue, log),
				settings.pollInterval());
	}

	/**
	 * Hands what is due to the workers, at most one batch, only as many as there are free workers
	 * and only for endpoints with a free place; returns at once.
	 * @return how many deliveries were handed over
	 */
	int dispatchDue() {
		int handed = 0;
		while (handed < settings.batch()) {
			WebhookWorkers.Free free = workers.free();
			if (!free.worker()) {
				break;
			}
			WebhookDelivery delivery = claim(clock.instant(), free.fullEndpoints());
			if (delivery == null) {
				break;
			}
			if (!workers.enter(delivery.subscriptionId())) {
				release(delivery); // another poll took the endpoint's last place meanwhile
				break;
			}
			handed++;
			try {
				workers.run(delivery.subscriptionId(), () -> sender.send(delivery), this::handOverNext);
			}
			catch (RejectedExecutionException shuttingDown) {
				release(delivery);
				break;
			}
		}
		return handed;
	}

	/**
	 * Right after a dispatch ends, on its worker: what is due goes to the place it freed at once,
	 * rather than at the next poll, so an endpoint with a backlog is served as fast as it answers
	 * (still with at most {@code per-endpoint} requests at a time), not {@code per-endpoint} a poll.
	 */
	private void handOverNext() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.debug("Could not hand over the next webhook delivery at once; the next poll will: {}", ex.toString());
		}
	}

	/** The longest a dispatch can take: every request to its deadline, and the waits between them. */
	static Duration longestDispatch(NotificationProperties.Webhooks settings) {
		Duration longest = settings.timeout().multipliedBy(Math.max(1, settings.retry().maxAttempts()));
		Duration wait = settings.retry().initialWait();
		for (int retry = 1; retry < settings.retry().maxAttempts(); retry++) {
			longest = longest.plus(wait);
			wait = wait.multipliedBy(2);
		}
		return longest;
	}

	private WebhookDelivery claim(Instant now, Set<String> fullEndpoints) {
		Criteria due = Criteria.where("status")
			.is(WebhookDelivery.Status.PENDING)
			.and("nextAttemptAt")
			.lte(now)
			.and("leaseUntil")
			.lte(now);
		if (!fullEndpoints.isEmpty()) {
			due = due.and("subscriptionId").nin(fullEndpoints);
		}
		Query query = Query.query(due).with(Sort.by("nextAttemptAt"));
		return mongo.findAndModify(query, new Update().set("leaseUntil", now.plus(settings.lease())),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
	}

	/** Gives a claimed delivery back at once (its lease would otherwise keep it for a while). */
	private void release(WebhookDelivery delivery) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), new Update().set("leaseUntil", Instant.EPOCH),
				WebhookDelivery.class);
	}

}
