package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
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
 */
@Service
public class WebhookFanout {

	private final WebhookSubscriptions subscriptions;

	private final RecipientDirectory recipients;

	private final WebhookAudience audience;

	private final MongoOperations mongo;

	private final Clock clock;

	WebhookFanout(WebhookSubscriptions subscriptions, ProgrammeDirectory programmes, RecipientDirectory recipients,
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

	/** The event types a webhook may subscribe to. */
	static List<String> offeredTypes() {
		return Arrays.stream(EventType.values()).filter(WebhookAudience::offered).map(EventType::typeName).toList();
	}

	/**
	 * Queues the event for its subscribers; an event offered twice is queued once. The data goes
	 * out as its producer wrote it, with any fields a newer producer added that this service does
	 * not know.
	 */
	public void offer(MentoringEvent event, EventMetadata metadata) {
		EventType type = event.eventType();
		if (!WebhookAudience.offered(type)) {
			return;
		}
		List<WebhookSubscription> interested = subscriptions.findByEventTypesContainsAndStatus(type.typeName(),
				WebhookSubscription.Status.ACTIVE);
		if (interested.isEmpty()) {
			return;
		}
		Set<String> about = audience.about(event);
		if (type != EventType.PARTICIPANT_ERASED && about.stream().anyMatch(recipients::isErased)) {
			return; // nobody hears of a person after her erasure, however late the event comes
		}
		String programmeId = metadata.programmeId() != null ? metadata.programmeId() : event.programmeId();
		String organisationId = metadata.organisationId() != null ? metadata.organisationId() : event.organisationId();
		WebhookAudience.Readers readers = audience.readersOf(event, programmeId, organisationId);
		String dataSchema = metadata.dataSchema() != null ? metadata.dataSchema()
				: EventSchemas.SCHEMA_BASE + type.typeName() + ".json";
		OutgoingEvent outgoing = new OutgoingEvent(metadata.id(), type.typeName(), metadata.source(),
				metadata.subject() != null ? metadata.subject() : event.subject(), metadata.time(), dataSchema,
				programmeId, organisationId, new String(data(event, metadata), StandardCharsets.UTF_8));
		for (WebhookSubscription subscription : interested) {
			if (readers.admit(subscription.organisationId())) {
				try {
					mongo.insert(WebhookDelivery.of(subscription.id(), subscription.ownerOrganisationId(), outgoing,
							about, clock.instant()));
				}
				catch (DuplicateKeyException queuedBefore) {
					// the same event was offered before
				}
			}
		}
	}

	/** The data as published; re-serialised only for an event applied by hand, without its raw data. */
	private static byte[] data(MentoringEvent event, EventMetadata metadata) {
		return metadata.data() != null ? metadata.data() : EventJson.write(event);
	}

}
