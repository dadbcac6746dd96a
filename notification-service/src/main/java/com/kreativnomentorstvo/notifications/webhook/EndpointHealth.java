package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * How each endpoint (subscription) is faring: its circuit breaker (one Resilience4j CircuitBreaker
 * per subscription, on this instance), and the failed requests in a row (in the store). An endpoint
 * that has failed {@code disable-after-failures} requests in a row over at least
 * {@code disable-after} is disabled, and its owner is told by e-mail.
 */
@Component
class EndpointHealth {

	private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

	private final MongoOperations mongo;

	private final Notifier notifier;

	private final NotificationProperties.Webhooks settings;

	private final CircuitBreakerRegistry breakers;

	EndpointHealth(MongoOperations mongo, Notifier notifier, NotificationProperties properties) {
		this.mongo = mongo;
		this.notifier = notifier;
		this.settings = properties.webhooks();
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
	}

	/** The endpoint's circuit breaker. */
	CircuitBreaker breaker(String subscriptionId) {
		return breakers.circuitBreaker(subscriptionId);
	}

	/** The state of the endpoint's circuit breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
	String circuitState(String subscriptionId) {
		return breaker(subscriptionId).getState().name();
	}

	/** The endpoint took a delivery: its failures in a row start over. */
	void succeeded(WebhookSubscription subscription) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())),
				new Update().set("consecutiveFailures", 0).unset("failingSince"), WebhookSubscription.class);
	}

	/** Counts the failed requests, and disables an endpoint that has been failing for too long. */
	void failed(WebhookSubscription subscription, int requests, Instant now) {
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

}
