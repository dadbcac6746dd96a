package com.kreativnomentorstvo.notifications.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.template.SupportedLocale;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/webhooks}: admins and coordinators subscribe other systems to event types, read
 * the delivery log and ask for redelivery. A coordinator manages her organisation's subscriptions,
 * which receive what her organisation may read through the API ({@link WebhookAudience}); an admin
 * may also make instance-wide ones. Participants have no webhooks. The URL is checked without any
 * name lookup here (a hostile name server must not hold a request thread); names are resolved and
 * checked when a delivery connects.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private static final String RESOURCE = "webhook";

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final EndpointGuard guard;

	private final EndpointHealth endpoints;

	private final MongoOperations mongo;

	private final int maxPerOrganisation;

	private final Clock clock;

	WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, EndpointGuard guard,
			EndpointHealth endpoints, MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.guard = guard;
		this.endpoints = endpoints;
		this.mongo = mongo;
		this.maxPerOrganisation = properties.webhooks().maxPerOrganisation();
		this.clock = clock;
	}

	@GetMapping("/event-types")
	List<String> eventTypes(Caller caller) {
		requireOperator(caller);
		return WebhookFanout.offeredTypes();
	}

	@PostMapping
	ResponseEntity<WebhookView> subscribe(@Valid @RequestBody WebhookRequest request, Caller caller) {
		requireOperator(caller);
		List<FieldProblem> problems = validate(request);
		if (request.secret() == null) {
			problems.add(FieldProblem.of("secret", "field.required"));
		}
		String organisationId = caller.isAdmin() ? request.organisationId() : caller.organisationId();
		if (!caller.isAdmin() && request.organisationId() != null && !request.organisationId().equals(organisationId)) {
			problems.add(FieldProblem.of("organisationId", "webhook.own-organisation"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		if (subscriptions.countByOrganisationId(organisationId) >= maxPerOrganisation) {
			throw new LimitReached("webhooks", maxPerOrganisation, ProblemText.of(
					organisationId == null ? "webhook.full.instance" : "webhook.full.organisation", maxPerOrganisation));
		}
		WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), organisationId,
				request.url(), types(request), request.secret(), request.description(), request.contactEmail(),
				locale(request), caller.subject(), caller.organisationId(), clock.instant());
		subscriptions.insert(subscription);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id())).body(view(subscription));
	}

	@GetMapping
	PageOf<WebhookView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		requireOperator(caller);
		PageRequest request = PageRequest.of(page, size, Sort.by("createdAt", "_id"));
		Page<WebhookSubscription> found = caller.isAdmin() ? subscriptions.findAll(request)
				: subscriptions.findByOrganisationId(caller.organisationId(), request);
		return PageOf.of(found, this::view);
	}

	@GetMapping("/{id}")
	WebhookView one(@PathVariable String id, Caller caller) {
		return view(owned(id, caller));
	}

	/** Replaces URL, event types, description, contact and language; the secret only if given. */
	@PutMapping("/{id}")
	WebhookView change(@PathVariable String id, @Valid @RequestBody WebhookRequest request, Caller caller) {
		WebhookSubscription subscription = owned(id, caller);
		List<FieldProblem> problems = validate(request);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		subscription.change(request.url(), types(request), request.secret(), request.description(),
				request.contactEmail(), locale(request));
		return view(subscriptions.save(subscription));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable String id, Caller caller) {
		subscriptions.delete(owned(id, caller));
		// its log goes with it; a delivery whose outcome event still waits in the outbox is abandoned and purged later
		mongo.remove(Query.query(new Criteria().andOperator(Criteria.where("subscriptionId").is(id),
				Criteria.where(AggregateRoot.OUTBOX_FIELD + ".0").exists(false))), WebhookDelivery.class);
		return ResponseEntity.noContent().build();
	}

	/** Enables a subscription that was disabled after repeated failure; its log starts counting again. */
	@PostMapping("/{id}/enable")
	WebhookView enable(@PathVariable String id, Caller caller) {
		WebhookSubscription subscription = owned(id, caller);
		subscription.enable();
		return view(subscriptions.save(subscription));
	}

	@GetMapping("/{id}/deliveries")
	PageOf<DeliveryView> deliveries(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		owned(id, caller);
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
		return PageOf.of(deliveries.findBySubscriptionId(id, request), DeliveryView::of);
	}

	@GetMapping("/{id}/deliveries/{deliveryId}")
	DeliveryView delivery(@PathVariable String id, @PathVariable String deliveryId, Caller caller) {
		owned(id, caller);
		return DeliveryView.of(delivery(id, deliveryId));
	}

	/** Sends the event again, whatever became of it before; 409 while the subscription is disabled. */
	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	ResponseEntity<DeliveryView> redeliver(@PathVariable String id, @PathVariable String deliveryId, Caller caller) {
		WebhookSubscription subscription = owned(id, caller);
		if (!subscription.active()) {
			throw new ConflictException("webhook-disabled", ProblemText.of("webhook.disabled"));
		}
		WebhookDelivery delivery = delivery(id, deliveryId);
		if (!delivery.redeliverable()) {
			throw new ConflictException("webhook-delivery-erased", ProblemText.of("webhook.delivery-erased"));
		}
		delivery.redeliver(clock.instant());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(deliveries.save(delivery)));
	}

	private WebhookDelivery delivery(String subscriptionId, String deliveryId) {
		return deliveries.findById(deliveryId)
			.filter(d -> subscriptionId.equals(d.subscriptionId()))
			.orElseThrow(() -> new ResourceNotFoundException("webhook-delivery", deliveryId));
	}

	private WebhookSubscription owned(String id, Caller caller) {
		requireOperator(caller);
		return subscriptions.findById(id)
			.filter(s -> caller.isAdmin() || (s.organisationId() != null && s.organisationId().equals(caller.organisationId())))
			.orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
	}

	private static void requireOperator(Caller caller) {
		if (!caller.isAdmin() && !caller.isCoordinator()) {
			throw new AccessDeniedException("webhooks are managed by admins and coordinators");
		}
	}

	private List<FieldProblem> validate(WebhookRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		try {
			guard.check(request.url());
		}
		catch (EndpointGuard.RefusedEndpoint refused) {
			problems.add(new FieldProblem("url", refused.text()));
		}
		List<String> offered = WebhookFanout.offeredTypes();
		for (int i = 0; i < request.eventTypes().size(); i++) {
			if (!offered.contains(request.eventTypes().get(i))) {
				problems.add(FieldProblem.of("eventTypes[" + i + "]", "webhook.event-type-unknown"));
			}
		}
		if (request.locale() != null && SupportedLocale.of(request.locale()).isEmpty()) {
			problems.add(FieldProblem.of("locale", "field.locale", SupportedLocale.tags()));
		}
		if (request.secret() != null && !WebhookSignature.usable(request.secret())) {
			problems.add(FieldProblem.of("secret", "webhook.secret-base64", WebhookSignature.STANDARD_PREFIX));
		}
		return problems;
	}

	private static List<String> types(WebhookRequest request) {
		return new ArrayList<>(new LinkedHashSet<>(request.eventTypes()));
	}

	private static String locale(WebhookRequest request) {
		return SupportedLocale.of(request.locale()).orElse(SupportedLocale.EN).tag();
	}

	private WebhookView view(WebhookSubscription s) {
		return new WebhookView(s.id(), s.organisationId(), s.url(), s.eventTypes(), s.description(), s.contactEmail(),
				s.locale(), s.status().name(), s.disabledReason(), s.disabledAt(), s.failingSince(),
				s.consecutiveFailures(), endpoints.circuitState(s.id()), s.createdAt());
	}

	/**
	 * A subscription as sent: where to, which event types, and the signing secret (16–256
	 * characters; write-only, never returned): any text, or a Standard Webhooks secret
	 * ({@code whsec_} and base64).
	 *
	 * @param contactEmail who is told when the endpoint is disabled after repeated failure
	 * @param organisationId admins only: whose events, or absent for every organisation
	 */
	record WebhookRequest(@NotBlank @Size(max = 2000) String url,
			@NotEmpty @Size(max = 100) List<@NotBlank String> eventTypes,
			@Size(min = 16, max = 256) String secret, @Size(max = 500) String description,
			@Email @Size(max = 320) String contactEmail, String locale, String organisationId) {
	}

	/** A subscription as read; the secret is never shown. */
	record WebhookView(String id, String organisationId, String url, List<String> eventTypes, String description,
			String contactEmail, String locale, String status, String disabledReason, Instant disabledAt,
			Instant failingSince, int consecutiveFailures, String circuit, Instant createdAt) {
	}

	/** One entry of the delivery log, with every request made for it. */
	record DeliveryView(String id, String subscriptionId, String eventId, String eventType, String status,
			int dispatches, int requests, Integer lastStatusCode, String failureReason, Instant nextAttemptAt,
			Instant createdAt, Instant deliveredAt, List<WebhookDelivery.Attempt> attempts) {

		static DeliveryView of(WebhookDelivery d) {
			return new DeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.status().name(),
					d.dispatches(), d.requests(), d.lastStatusCode(), d.failureReason(),
					d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.createdAt(),
					d.deliveredAt(), d.log());
		}

	}

}
