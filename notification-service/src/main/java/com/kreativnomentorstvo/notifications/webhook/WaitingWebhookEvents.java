package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * The events whose webhook audience waits for facts this service has not heard of yet
 * ({@link PendingWebhookEvent}). Each is decided again when an event that may bring a missing fact
 * is applied, and by a sweep every {@code webhooks.pending.sweep-interval}; after
 * {@code webhooks.pending.deadline} it is decided with what is known, and that is logged. Instances
 * may sweep at once: each waiting event is held by one of them while it is decided (a lease), and a
 * delivery is queued once however often it is decided.
 */
@Component
class WaitingWebhookEvents implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(WaitingWebhookEvents.class);

	/** How long one instance holds a waiting event while it decides it. */
	private static final Duration LEASE = Duration.ofMinutes(1);

	private final WebhookQueue queue;

	private final MongoOperations mongo;

	private final NotificationProperties.Pending settings;

	private final Clock clock;

	WaitingWebhookEvents(WebhookQueue queue, MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.queue = queue;
		this.mongo = mongo;
		this.settings = properties.webhooks().pending();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("webhook audiences pass", this::decideDue, log),
				settings.sweepInterval());
	}

	/** The event waits for the facts the decision found missing; offered twice, it waits once. */
	void waitFor(OutgoingEvent outgoing, WebhookQueue.Decision decision) {
		Instant now = clock.instant();
		try {
			mongo.insert(PendingWebhookEvent.of(outgoing, decision.about(), decision.missing(), now,
					now.plus(settings.deadline()), now.plus(settings.sweepInterval())));
			log.debug("Webhook event {} ({}) waits for {}", outgoing.id(), outgoing.type(), decision.missing());
		}
		catch (DuplicateKeyException waitingAlready) {
			// the same event was offered before and still waits
		}
	}

	/** Decides the waiting events that wait for a fact the applied event may have brought. */
	void factsArrived(MentoringEvent event) {
		Set<String> facts = switch (event.eventType()) {
			case PROGRAMME_CREATED, PROGRAMME_UPDATED -> event.programmeId() == null ? Set.of()
					: Set.of(WebhookAudience.programmeFact(event.programmeId()));
			case PARTICIPANT_ENROLLED, PARTICIPANT_PROFILE_UPDATED, PARTICIPANT_ADMITTED, PARTICIPANT_INVITED ->
				queue.about(event).stream().map(WebhookAudience::participantFact).collect(Collectors.toSet());
			case MENTORSHIP_STARTED -> Set.of(WebhookAudience.mentorshipFact(((MentorshipStarted) event).mentorshipId()));
			default -> Set.of();
		};
		if (facts.isEmpty()) {
			return;
		}
		try {
			decide(Criteria.where("waitingFor").in(facts));
		}
		catch (RuntimeException ex) {
			log.debug("Could not decide the webhook events waiting for {} now; the sweep will: {}", facts, ex.toString());
		}
	}

	/**
	 * Decides again the waiting events that are due, at most one batch: those whose facts have
	 * arrived are queued for their audience, those past their deadline for the audience the known
	 * facts allow, the others wait on.
	 * @return how many were decided
	 */
	int decideDue() {
		return decide(Criteria.where("checkAfter").lte(clock.instant()));
	}

	private int decide(Criteria which) {
		int decided = 0;
		Set<String> seen = new HashSet<>();
		while (seen.size() < settings.batch()) {
			PendingWebhookEvent waiting = claim(which, seen);
			if (waiting == null) {
				break;
			}
			seen.add(waiting.id());
			if (decide(waiting)) {
				decided++;
			}
		}
		return decided;
	}

	private PendingWebhookEvent claim(Criteria which, Set<String> seen) {
		Instant now = clock.instant();
		Criteria free = Criteria.where("leaseUntil").lte(now);
		if (!seen.isEmpty()) {
			free = free.and("_id").nin(seen);
		}
		Query query = Query.query(new Criteria().andOperator(which, free)).with(Sort.by("checkAfter"));
		return mongo.findAndModify(query,
				new Update().set("leaseUntil", now.plus(LEASE)).set("claim", UUID.randomUUID().toString()),
				FindAndModifyOptions.options().returnNew(true), PendingWebhookEvent.class);
	}

	/** Decides a claimed waiting event; the record goes once it is decided, if this instance still holds it. */
	private boolean decide(PendingWebhookEvent waiting) {
		Query held = Query.query(Criteria.where("_id").is(waiting.id()).and("claim").is(waiting.claim()));
		MentoringEvent event = read(waiting);
		if (event == null) {
			mongo.remove(held, PendingWebhookEvent.class);
			return false;
		}
		Instant now = clock.instant();
		WebhookQueue.Decision decision = queue.queue(event, waiting.event(), waiting.about(),
				!now.isBefore(waiting.decideBy()));
		if (!decision.decided()) {
			mongo.updateFirst(held, new Update().set("waitingFor", List.copyOf(decision.missing()))
				.set("about", List.copyOf(decision.about()))
				.set("checkAfter", now.plus(settings.sweepInterval()))
				.set("leaseUntil", Instant.EPOCH), PendingWebhookEvent.class);
			return false;
		}
		if (!decision.missing().isEmpty()) {
			log.warn("Webhook event {} ({}) waited since {} for {}, which never arrived; queued for the audience"
					+ " the known facts allow", waiting.id(), waiting.eventType(), waiting.receivedAt(),
					decision.missing());
		}
		mongo.remove(held, PendingWebhookEvent.class);
		return true;
	}

	private static MentoringEvent read(PendingWebhookEvent waiting) {
		try {
			return EventType.ofTypeName(waiting.eventType())
				.map(type -> EventJson.read(type, waiting.event().data().getBytes(StandardCharsets.UTF_8)))
				.orElseThrow(() -> new IllegalArgumentException("unknown type " + waiting.eventType()));
		}
		catch (RuntimeException unreadable) {
			log.warn("Dropped waiting webhook event {}: its data cannot be read ({})", waiting.id(), unreadable.toString());
			return null;
		}
	}

}
