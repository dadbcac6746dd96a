package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.Mentorships;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Queues a consumed event for every enabled subscription that wants its type and may read it
 * ({@link WebhookAudience}: what the subscription's organisation may read through the API). An event
 * about a participant who has been erased is queued for nobody (a late or replayed one), except the
 * erasure itself, which subscribers need in order to forget her.
 *
 * <p>Events of different keys arrive in any order, so the audience may need a fact this service has
 * not heard of yet (an enrolment applied before its programme's creation). Such an event is not
 * decided with too little: it waits ({@link PendingWebhookEvent}) and is decided again when an event
 * that may bring the fact is applied, and by the sweep every {@code webhooks.pending.sweep-interval};
 * after {@code webhooks.pending.deadline} it is decided with what is known, and that is logged.
 */
@Service
public class WebhookFanout {

	private static final Logger log = LoggerFactory.getLogger(WebhookFanout.class);

	/** How long one instance holds a waiting event while it decides it. */
	private static final Duration LEASE = Duration.ofMinutes(1);

	private final WebhookSubscriptions subscriptions;

	private final RecipientDirectory recipients;

	private final WebhookAudience audience;

	private final MongoOperations mongo;

	private final NotificationProperties.Pending settings;

	private final Clock clock;

	WebhookFanout(WebhookSubscriptions subscriptions, ProgrammeDirectory programmes, RecipientDirectory recipients,
			Mentorships mentorships, MongoOperations mongo, NotificationProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.recipients = recipients;
		this.audience = new WebhookAudience(new WebhookAudience.Facts() {

			@Override
			public Optional<Programme> programme(String programmeId) {
				return programmes.find(programmeId);
			}

			@Override
			public Optional<String> organisationOf(String participantId) {
				return recipients.find(participantId).filter(r -> !r.isStaff()).map(Recipient::organisationId);
			}

			@Override
			public List<String> membersOf(String mentorshipId) {
				return mentorships.membersOf(mentorshipId);
			}

		});
		this.mongo = mongo;
		this.settings = properties.webhooks().pending();
		this.clock = clock;
	}

	/** The event types a webhook may subscribe to. */
	static List<String> offeredTypes() {
		return Arrays.stream(EventType.values()).filter(WebhookAudience::offered).map(EventType::typeName).toList();
	}

	/**
	 * Queues the event for its subscribers, or lets it wait while its audience needs a fact not known
	 * here yet; an event offered twice is queued (or waits) once. The data goes out as its producer
	 * wrote it, with any fields a newer producer added that this service does not know. Called after
	 * the event's own handler, so the facts it brings are known: the events waiting for them are
	 * decided at once.
	 */
	public void offer(MentoringEvent event, EventMetadata metadata) {
		EventType type = event.eventType();
		if (WebhookAudience.offered(type)) {
			String programmeId = metadata.programmeId() != null ? metadata.programmeId() : event.programmeId();
			String organisationId = metadata.organisationId() != null ? metadata.organisationId()
					: event.organisationId();
			String dataSchema = metadata.dataSchema() != null ? metadata.dataSchema()
					: EventSchemas.SCHEMA_BASE + type.typeName() + ".json";
			OutgoingEvent outgoing = new OutgoingEvent(metadata.id(), type.typeName(), metadata.source(),
					metadata.subject() != null ? metadata.subject() : event.subject(), metadata.time(), dataSchema,
					programmeId, organisationId, new String(data(event, metadata), StandardCharsets.UTF_8));
			Decision decision = decide(event, outgoing, Set.of(), false);
			if (!decision.decided()) {
				waitFor(outgoing, decision);
			}
		}
		factsArrived(event);
	}

	/**
	 * Decides again the waiting events that are due, at most one batch: those whose facts have
	 * arrived are queued for their audience, those past their deadline for the audience the known
	 * facts allow, the others wait on. Instances may sweep at once: each event is held by one of them
	 * while it is decided, and a delivery is queued once however often it is decided.
	 * @return how many were decided
	 */
	public int decideWaiting() {
		return decideWaiting(Criteria.where("checkAfter").lte(clock.instant()));
	}

	/**
	 * Who receives the event: every active subscription that wants its type and may read it, unless
	 * a person it is about was erased. While a fact the audience needs is missing, nothing is
	 * queued, unless {@code deadlinePassed}.
	 * @param alsoAbout the participants it was known to be about before
	 */
	private Decision decide(MentoringEvent event, OutgoingEvent outgoing, Collection<String> alsoAbout,
			boolean deadlinePassed) {
		EventType type = event.eventType();
		List<WebhookSubscription> interested = subscriptions.findByEventTypesContainsAndStatus(type.typeName(),
				WebhookSubscription.Status.ACTIVE);
		if (interested.isEmpty()) {
			return Decision.NOBODY;
		}
		Set<String> about = new LinkedHashSet<>(alsoAbout);
		about.addAll(audience.about(event));
		if (type != EventType.PARTICIPANT_ERASED && about.stream().anyMatch(recipients::isErased)) {
			return Decision.NOBODY; // nobody hears of a person after her erasure, however late the event comes
		}
		WebhookAudience.Readers readers = audience.readersOf(event, outgoing.programmeId(), outgoing.organisationId());
		if (!readers.complete() && !deadlinePassed) {
			return new Decision(false, readers.missing(), about);
		}
		Instant now = clock.instant();
		for (WebhookSubscription subscription : interested) {
			if (readers.admit(subscription.organisationId())) {
				try {
					mongo.insert(WebhookDelivery.of(subscription.id(), subscription.ownerOrganisationId(), outgoing,
							about, now));
				}
				catch (DuplicateKeyException queuedBefore) {
					// the same event was offered (or decided) before
				}
			}
		}
		return new Decision(true, readers.missing(), about);
	}

	private void waitFor(OutgoingEvent outgoing, Decision decision) {
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
	private void factsArrived(MentoringEvent event) {
		Set<String> facts = switch (event.eventType()) {
			case PROGRAMME_CREATED, PROGRAMME_UPDATED -> event.programmeId() == null ? Set.of()
					: Set.of(WebhookAudience.programmeFact(event.programmeId()));
			case PARTICIPANT_ENROLLED, PARTICIPANT_PROFILE_UPDATED, PARTICIPANT_ADMITTED, PARTICIPANT_INVITED ->
				audience.about(event).stream().map(WebhookAudience::participantFact).collect(Collectors.toSet());
			case MENTORSHIP_STARTED -> Set.of(WebhookAudience.mentorshipFact(((MentorshipStarted) event).mentorshipId()));
			default -> Set.of();
		};
		if (facts.isEmpty()) {
			return;
		}
		try {
			decideWaiting(Criteria.where("waitingFor").in(facts));
		}
		catch (RuntimeException ex) {
			log.debug("Could not decide the webhook events waiting for {} now; the sweep will: {}", facts, ex.toString());
		}
	}

	private int decideWaiting(Criteria which) {
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
		Decision decision = decide(event, waiting.event(), waiting.about(), !now.isBefore(waiting.decideBy()));
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

	/** The data as published; re-serialised only for an event applied by hand, without its raw data. */
	private static byte[] data(MentoringEvent event, EventMetadata metadata) {
		return metadata.data() != null ? metadata.data() : EventJson.write(event);
	}

	/**
	 * What became of an offered event: decided (queued for whom may read it, possibly nobody), or
	 * waiting for the missing facts.
	 * @param missing the facts it waits for, or, once decided, those it was decided without
	 * @param about the participants it is about
	 */
	private record Decision(boolean decided, Set<String> missing, Set<String> about) {

		static final Decision NOBODY = new Decision(true, Set.of(), Set.of());

	}

}
