package com.kreativnomentorstvo.notifications.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.reminder.Mentorships;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Decides who receives an event and queues its deliveries: every active subscription that wants its
 * type and may read it ({@link WebhookAudience}, with what this service knows now), unless a person
 * it is about was erased. A delivery's id is derived from the subscription and the event, so an
 * event decided twice is queued once per subscription.
 */
@Component
class WebhookQueue {

	private final WebhookSubscriptions subscriptions;

	private final RecipientDirectory recipients;

	private final WebhookAudience audience;

	private final MongoOperations mongo;

	private final Clock clock;

	WebhookQueue(WebhookSubscriptions subscriptions, ProgrammeDirectory programmes, RecipientDirectory recipients,
			Mentorships mentorships, MongoOperations mongo, Clock clock) {
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
		this.clock = clock;
	}

	/**
	 * What became of an event: decided (queued for whom may read it, possibly nobody), or waiting for
	 * the missing facts.
	 * @param missing the facts it waits for, or, once decided, those it was decided without
	 * @param about the participants it is about
	 */
	record Decision(boolean decided, Set<String> missing, Set<String> about) {

		static final Decision NOBODY = new Decision(true, Set.of(), Set.of());

	}

	/**
	 * Queues the event for whom may receive it, unless a fact the audience needs is missing and
	 * {@code deadlinePassed} is not set: then nothing is queued.
	 * @param alsoAbout the participants it was known to be about before
	 */
	Decision queue(MentoringEvent event, OutgoingEvent outgoing, Collection<String> alsoAbout, boolean deadlinePassed) {
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

	/** The participants the event is about, as far as this service knows. */
	Set<String> about(MentoringEvent event) {
		return audience.about(event);
	}

}
