package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.delivery.Outcomes;
import com.kreativnomentorstvo.notifications.inbox.Details;
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
 * Sends the webhook deliveries that are due. Each dispatch makes up to {@code retry.max-attempts}
 * requests with exponential back-off (Resilience4j Retry) through the endpoint's circuit breaker
 * (one Resilience4j CircuitBreaker per subscription); while the breaker is open no request is made
 * and the delivery waits. A dispatch that fails is tried again later with growing back-off, up to
 * {@code max-delivery-attempts}. An endpoint that has failed {@code disable-after-failures}
 * requests in a row over at least {@code disable-after} is disabled, and its owner is told by
 * e-mail. Deliveries are claimed with a lease, so instances never send the same one at once.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	static final String HELD_BACK = "held-back";

	static final String ABANDONED = "abandoned";

	private final MongoOperations mongo;

	private final WebhookDeliveries deliveries;

	private final WebhookSubscriptions subscriptions;

	private final WebhookClient client;

	private final EndpointGuard guard;

	private final Notifier notifier;

	private final NotificationProperties.Webhooks settings;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final RetryConfig retryConfig;

	private final Outcomes outcomes;

	WebhookDispatcher(MongoOperations mongo, WebhookDeliveries deliveries, WebhookSubscriptions subscriptions,
			WebhookClient client, EndpointGuard guard, Notifier notifier, NotificationProperties properties,
			Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.client = client;
		this.guard = guard;
		this.notifier = notifier;
		this.settings = properties.webhooks();
		this.clock = clock;
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
	 * Sends what is due, at most one batch.
	 * @return how many deliveries were handled
	 */
	public int dispatchDue() {
		int handled = 0;
		while (handled < settings.batch()) {
			WebhookDelivery delivery = claim(clock.instant());
			if (delivery == null) {
				break;
			}
			handled++;
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
		return handled;
	}

	private void dispatch(WebhookDelivery delivery) {
		WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId()).orElse(null);
		if (subscription == null || !subscription.active()) {
			delivery.abandon(clock.instant());
			deliveries.save(delivery);
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
			deliveries.save(delivery);
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
			deliveries.save(delivery);
			failed(subscription, attempts.size(), now);
		}
		catch (Throwable failure) {
			outcomes.count(FAILED);
			Instant now = clock.instant();
			delivery.failed(attempts, now, backOff(delivery.dispatches() + 1), settings.maxDeliveryAttempts());
			deliveries.save(delivery);
			failed(subscription, attempts.size(), now);
		}
	}

	private int request(WebhookSubscription subscription, WebhookDelivery delivery,
			List<WebhookDelivery.Attempt> attempts, String trigger) {
		Instant started = clock.instant();
		long startedNanos = System.nanoTime();
		try {
			guard.check(subscription.url());
			int status = client.send(subscription.url(), subscription.secret(), delivery.id(), delivery.event());
			attempts.add(new WebhookDelivery.Attempt(started, status, null, millisSince(startedNanos), trigger));
			return status;
		}
		catch (EndpointGuard.RefusedEndpoint refused) {
			attempts.add(new WebhookDelivery.Attempt(started, null, "refused: URL " + refused.getMessage(),
					millisSince(startedNanos), trigger));
			throw new WebhookClient.EndpointFailure(null, refused.getMessage(), false);
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

	private WebhookDelivery claim(Instant now) {
		Query due = Query.query(Criteria.where("status")
			.is(WebhookDelivery.Status.PENDING)
			.and("nextAttemptAt")
			.lte(now)
			.and("leaseUntil")
			.lte(now)).with(Sort.by("nextAttemptAt"));
		return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(settings.lease())),
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
