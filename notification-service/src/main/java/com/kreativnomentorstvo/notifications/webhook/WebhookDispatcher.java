package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.delivery.Outcomes;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the webhook deliveries that are due. The polling thread only claims deliveries and hands
 * them to a pool of {@code workers}; at most {@code per-endpoint} of them serve one endpoint at a
 * time, and a delivery is only claimed for an endpoint with a free place and when a worker is free,
 * so a slow, silent or hostile endpoint holds a few workers for at most one request's deadline each
 * while every other endpoint's deliveries go on.
 *
 * <p>Each dispatch makes up to {@code retry.max-attempts} requests with exponential back-off
 * (Resilience4j Retry) through the endpoint's circuit breaker (one Resilience4j CircuitBreaker per
 * subscription); while the breaker is open no request is made and the delivery waits. A dispatch
 * that fails is tried again later with growing back-off, up to {@code max-delivery-attempts}. An
 * endpoint that has failed {@code disable-after-failures} requests in a row over at least
 * {@code disable-after} is disabled, and its owner is told by e-mail. Deliveries are claimed with a
 * lease longer than a dispatch can take, so instances never send the same one at once. Right before
 * sending, a delivery about a person who has been erased meanwhile is withdrawn instead.
 */
@Component
public class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	static final String HELD_BACK = "held-back";

	static final String ABANDONED = "abandoned";

	private final MongoOperations mongo;

	private final WebhookDeliveries deliveries;

	private final WebhookSubscriptions subscriptions;

	private final WebhookClient client;

	private final Notifier notifier;

	private final NotificationProperties.Webhooks settings;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final RetryConfig retryConfig;

	private final Outcomes outcomes;

	private final RecipientDirectory recipients;

	private final ThreadPoolExecutor workers;

	/** Deliveries in flight on this instance, per subscription. */
	private final Map<String, Integer> inFlight = new HashMap<>();

	WebhookDispatcher(MongoOperations mongo, WebhookDeliveries deliveries, WebhookSubscriptions subscriptions,
			WebhookClient client, Notifier notifier, RecipientDirectory recipients, NotificationProperties properties,
			Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.client = client;
		this.notifier = notifier;
		this.recipients = recipients;
		this.settings = properties.webhooks();
		this.clock = clock;
		Duration longestDispatch = longestDispatch(settings);
		if (settings.lease().compareTo(longestDispatch) <= 0) {
			throw new IllegalStateException("mentoring.notifications.webhooks.lease (" + settings.lease()
					+ ") must be longer than a dispatch can take (" + longestDispatch + ": retry.max-attempts"
					+ " requests of at most webhooks.timeout and the waits between them)");
		}
		int size = Math.max(1, settings.workers());
		AtomicInteger threads = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), runnable -> {
			Thread thread = new Thread(runnable, "webhook-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.workers.allowCoreThreadTimeOut(true);
		NotificationProperties.CircuitBreaker breaker = settings.circuitBreaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindow())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordExceptions(WebhookClient.EndpointFailure.class)
			.build());
		this.retryConfig = RetryConfig.custom()
			.maxAttempts(settings.retry().maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retry().initialWait(), 2.0))
			.retryOnException(ex -> ex instanceof WebhookClient.EndpointFailure failure && failure.retryable())
			.ignoreExceptions(CallNotPermittedException.class)
			.build();
		this.outcomes = new Outcomes(meters, "mentoring.notifications.webhook",
				"Webhook dispatches by outcome: delivered (2xx), failed (every request of the dispatch failed;"
						+ " dispatched again later or given up), held-back (the endpoint's circuit is open),"
						+ " abandoned (the subscription was disabled or deleted)",
				DELIVERED, FAILED, HELD_BACK, ABANDONED);
	}

	/** The state of the endpoint's circuit breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
	String circuitState(String subscriptionId) {
		return breakers.circuitBreaker(subscriptionId).getState().name();
	}

	/**
	 * Hands what is due to the workers, at most one batch, only as many as there are free workers
	 * and only for endpoints with a free place; returns at once.
	 * @return how many deliveries were handed over
	 */
	public int dispatchDue() {
		int handed = 0;
		while (handed < settings.batch()) {
			Set<String> full;
			synchronized (inFlight) {
				if (busyWorkers() >= workers.getMaximumPoolSize()) {
					break;
				}
				full = inFlight.entrySet()
					.stream()
					.filter(e -> e.getValue() >= settings.perEndpoint())
					.map(Map.Entry::getKey)
					.collect(Collectors.toSet());
			}
			WebhookDelivery delivery = claim(clock.instant(), full);
			if (delivery == null) {
				break;
			}
			if (!enter(delivery.subscriptionId())) {
				release(delivery); // another poll took the endpoint's last place meanwhile
				break;
			}
			handed++;
			try {
				workers.execute(() -> {
					try {
						dispatchClaimed(delivery);
					}
					finally {
						leave(delivery.subscriptionId());
					}
				});
			}
			catch (RejectedExecutionException shuttingDown) {
				leave(delivery.subscriptionId());
				release(delivery);
				break;
			}
		}
		return handed;
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}

	private int busyWorkers() {
		synchronized (inFlight) {
			return inFlight.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	private boolean enter(String subscriptionId) {
		synchronized (inFlight) {
			int current = inFlight.getOrDefault(subscriptionId, 0);
			if (current >= settings.perEndpoint() || busyWorkers() >= workers.getMaximumPoolSize()) {
				return false;
			}
			inFlight.put(subscriptionId, current + 1);
			return true;
		}
	}

	private void leave(String subscriptionId) {
		synchronized (inFlight) {
			inFlight.computeIfPresent(subscriptionId, (id, count) -> count <= 1 ? null : count - 1);
		}
	}

	/** Gives a claimed delivery back at once (its lease would otherwise keep it for a while). */
	private void release(WebhookDelivery delivery) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), new Update().set("leaseUntil", Instant.EPOCH),
				WebhookDelivery.class);
	}

	private void dispatchClaimed(WebhookDelivery delivery) {
		try {
			dispatch(delivery);
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			log.debug("Webhook delivery {} changed while being sent; leaving it", delivery.id());
		}
		catch (RuntimeException ex) {
			log.warn("Could not handle webhook delivery {}; retried after its lease: {}", delivery.id(), ex.toString());
		}
	}

	private void dispatch(WebhookDelivery delivery) {
		if (!EventType.PARTICIPANT_ERASED.typeName().equals(delivery.eventType())
				&& delivery.about().stream().anyMatch(recipients::isErased)) {
			delivery.withdraw(); // a person it is about was erased after it was queued
			save(delivery);
			return;
		}
		WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId()).orElse(null);
		if (subscription == null || !subscription.active()) {
			delivery.abandon(clock.instant());
			save(delivery);
			outcomes.count(ABANDONED);
			return;
		}
		CircuitBreaker breaker = breakers.circuitBreaker(subscription.id());
		Retry retry = Retry.of(subscription.id(), retryConfig);
		List<WebhookDelivery.Attempt> attempts = new ArrayList<>();
		String trigger = delivery.trigger();
		try {
			Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker,
					() -> request(subscription, delivery, attempts, trigger)))
				.get();
			delivery.delivered(attempts, clock.instant());
			save(delivery);
			outcomes.count(DELIVERED);
			succeeded(subscription);
		}
		catch (CallNotPermittedException open) {
			Instant now = clock.instant();
			outcomes.count(attempts.isEmpty() ? HELD_BACK : FAILED);
			if (attempts.isEmpty()) {
				delivery.heldBack(now, now.plus(settings.circuitBreaker().waitInOpenState()));
			}
			else {
				delivery.failed(attempts, now, backOff(delivery.dispatches() + 1), settings.maxDeliveryAttempts());
			}
			save(delivery);
			failed(subscription, attempts.size(), now);
		}
		catch (Throwable failure) {
			outcomes.count(FAILED);
			Instant now = clock.instant();
			delivery.failed(attempts, now, backOff(delivery.dispatches() + 1), settings.maxDeliveryAttempts());
			save(delivery);
			failed(subscription, attempts.size(), now);
		}
	}

	private int request(WebhookSubscription subscription, WebhookDelivery delivery,
			List<WebhookDelivery.Attempt> attempts, String trigger) {
		Instant started = clock.instant();
		long startedNanos = System.nanoTime();
		try {
			int status = client.send(subscription.url(), subscription.secret(), delivery.id(), delivery.event());
			attempts.add(new WebhookDelivery.Attempt(started, status, null, millisSince(startedNanos), trigger));
			return status;
		}
		catch (WebhookClient.EndpointFailure failure) {
			attempts.add(new WebhookDelivery.Attempt(started, failure.statusCode(),
					failure.statusCode() == null ? failure.getMessage() : null, millisSince(startedNanos), trigger));
			throw failure;
		}
	}

	private void succeeded(WebhookSubscription subscription) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())),
				new Update().set("consecutiveFailures", 0).unset("failingSince"), WebhookSubscription.class);
	}

	/** Counts the failed requests, and disables an endpoint that has been failing for too long. */
	private void failed(WebhookSubscription subscription, int requests, Instant now) {
		Query byId = Query.query(Criteria.where("_id").is(subscription.id()));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id()).and("failingSince").is(null)),
				new Update().set("failingSince", now), WebhookSubscription.class);
		if (requests > 0) {
			mongo.updateFirst(byId, new Update().inc("consecutiveFailures", requests), WebhookSubscription.class);
		}
		WebhookSubscription current = mongo.findOne(byId, WebhookSubscription.class);
		if (current == null || !current.active() || current.failingSince() == null
				|| current.consecutiveFailures() < settings.disableAfterFailures()
				|| current.failingSince().plus(settings.disableAfter()).isAfter(now)) {
			return;
		}
		String reason = "failed " + current.consecutiveFailures() + " requests in a row since " + current.failingSince();
		long disabled = mongo.updateFirst(
				Query.query(Criteria.where("_id").is(subscription.id()).and("status").is(WebhookSubscription.Status.ACTIVE)),
				new Update().set("status", WebhookSubscription.Status.DISABLED)
					.set("disabledReason", reason)
					.set("disabledAt", now)
					.inc("version", 1),
				WebhookSubscription.class).getModifiedCount();
		if (disabled > 0) {
			log.warn("Disabled webhook {} ({}): {}", current.id(), current.url(), reason);
			notifier.notifyAddress(NotificationKind.WEBHOOK_DISABLED, "webhook-disabled/" + current.id() + "/" + now,
					"webhook:" + current.id(), current.contactEmail(), current.locale(), null,
					current.ownerOrganisationId(),
					new Details().webhook(current.id(), current.url(), current.consecutiveFailures(),
							current.failingSince()));
		}
	}

	/** Saves the delivery; a finished one is kept in the log for {@code retention}. */
	private void save(WebhookDelivery delivery) {
		if (delivery.finished()) {
			delivery.keepUntil(clock.instant().plus(settings.retention()));
		}
		deliveries.save(delivery);
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

	/** The wait before the next dispatch: the initial back-off, doubled per dispatch, capped. */
	Duration backOff(int dispatch) {
		Duration wait = settings.initialBackOff();
		for (int i = 1; i < dispatch && wait.compareTo(settings.maxBackOff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : wait;
	}

	private static long millisSince(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}
