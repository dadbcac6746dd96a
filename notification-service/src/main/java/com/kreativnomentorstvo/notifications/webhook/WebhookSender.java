package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Outcomes;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.platform.Outages;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes one dispatch of a claimed webhook delivery, on a worker, and records what came of it.
 * Right before sending, a delivery about a person who has been erased meanwhile is withdrawn
 * instead, and one whose subscription was disabled or deleted is abandoned. A dispatch makes up to
 * {@code retry.max-attempts} requests with exponential back-off (Resilience4j Retry) through the
 * endpoint's circuit breaker ({@link EndpointHealth}); while the breaker is open no request is made
 * and the delivery waits. A dispatch that fails is tried again later with growing back-off, up to
 * {@code max-delivery-attempts}. Each dispatch is counted ({@code mentoring.notifications.webhook{outcome}}).
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	static final String HELD_BACK = "held-back";

	static final String ABANDONED = "abandoned";

	/** The first wait before recording a delivery again while the store is away; doubled up to the longest. */
	private static final Duration RECORD_FIRST_WAIT = Duration.ofMillis(500);

	private static final Duration RECORD_LONGEST_WAIT = Duration.ofSeconds(8);

	/** How long before its lease ends a delivery is no longer recorded again. */
	private static final Duration RECORD_MARGIN = Duration.ofSeconds(5);

	private final WebhookDeliveries deliveries;

	private final WebhookSubscriptions subscriptions;

	private final WebhookClient client;

	private final EndpointHealth endpoints;

	private final RecipientDirectory recipients;

	private final NotificationProperties.Webhooks settings;

	private final Clock clock;

	private final RetryConfig retryConfig;

	private final Outcomes outcomes;

	WebhookSender(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookClient client,
			EndpointHealth endpoints, RecipientDirectory recipients, NotificationProperties properties, Clock clock,
			MeterRegistry meters) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.client = client;
		this.endpoints = endpoints;
		this.recipients = recipients;
		this.settings = properties.webhooks();
		this.clock = clock;
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

	/** Dispatches the claimed delivery; what cannot be recorded now is tried again after its lease. */
	void send(WebhookDelivery delivery) {
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
		CircuitBreaker breaker = endpoints.breaker(subscription.id());
		Retry retry = Retry.of(subscription.id(), retryConfig);
		List<WebhookDelivery.Attempt> attempts = new ArrayList<>();
		String trigger = delivery.trigger();
		try {
			Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker,
					() -> request(subscription, delivery, attempts, trigger)))
				.get();
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
			endpoints.failed(subscription, attempts.size(), now);
			return;
		}
		catch (Throwable failure) {
			outcomes.count(FAILED);
			Instant now = clock.instant();
			delivery.failed(attempts, now, backOff(delivery.dispatches() + 1), settings.maxDeliveryAttempts());
			save(delivery);
			endpoints.failed(subscription, attempts.size(), now);
			return;
		}
		outcomes.count(DELIVERED);
		recordDelivered(delivery, attempts, clock.instant());
		endpoints.succeeded(subscription);
	}

	/**
	 * Records that the endpoint took the delivery. The request has gone out, so a failure to record
	 * it must not leave the delivery to be sent again once its lease ends: while the lease holds, it
	 * is recorded again on a fresh copy, after a change made meanwhile at once, while the store is
	 * away with growing waits. A copy found finished meanwhile is left as it is.
	 */
	private void recordDelivered(WebhookDelivery claimed, List<WebhookDelivery.Attempt> attempts, Instant at) {
		Instant leaseEnds = claimed.leaseUntil();
		WebhookDelivery delivery = claimed;
		Duration wait = RECORD_FIRST_WAIT;
		while (true) {
			try {
				if (delivery == null) {
					delivery = deliveries.findById(claimed.id()).orElse(null);
					if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING) {
						return; // withdrawn, redelivered or removed meanwhile
					}
				}
				delivery.delivered(attempts, at);
				save(delivery);
				return;
			}
			catch (RuntimeException failure) {
				boolean changedMeanwhile = failure instanceof OptimisticLockingFailureException;
				if (!changedMeanwhile && Outages.ofTheStore(failure).isEmpty()) {
					throw failure;
				}
				Duration pause = changedMeanwhile ? Duration.ZERO : wait;
				if (!clock.instant().plus(pause).plus(RECORD_MARGIN).isBefore(leaseEnds)) {
					throw failure; // past the lease another dispatch may have begun: it is sent again
				}
				log.debug("Webhook delivery {} went out but could not be recorded ({}); recording it again",
						claimed.id(), failure.toString());
				if (!pause.isZero()) {
					pause(pause);
					wait = wait.multipliedBy(2).compareTo(RECORD_LONGEST_WAIT) > 0 ? RECORD_LONGEST_WAIT
							: wait.multipliedBy(2);
				}
				delivery = null; // the copy in hand may carry a version the store never took
			}
		}
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while recording a delivery", ex);
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

	/** Saves the delivery; a finished one is kept in the log for {@code retention}. */
	private void save(WebhookDelivery delivery) {
		if (delivery.finished()) {
			delivery.keepUntil(clock.instant().plus(settings.retention()));
		}
		deliveries.save(delivery);
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
