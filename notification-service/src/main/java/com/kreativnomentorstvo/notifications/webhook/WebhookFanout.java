package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;

/**
 * Queues a consumed event for every enabled subscription that wants its type and may see it: a
 * subscription of an organisation receives the events of that organisation and of the programmes
 * it organises or partners in; an instance-wide one (made by an admin) receives all.
 */
@Service
public class WebhookFanout {

	/**
	 * Types no webhook can subscribe to: contact details are personal data; an address confirmation
	 * and a password link carry a link id, half of a credential, and an unconfirmed application is
	 * nobody's business yet; coordinators' appointments and removals are about staff accounts, not
	 * programmes; and the service's own delivery outcomes would feed back into webhooks.
	 */
	static final Set<EventType> NOT_OFFERED = Set.of(EventType.PARTICIPANT_CONTACT_CHANGED,
			EventType.COORDINATOR_CONTACT_CHANGED, EventType.APPLICATION_SUBMITTED, EventType.PASSWORD_LINK_ISSUED,
			EventType.COORDINATOR_APPOINTED, EventType.COORDINATOR_REMOVED, EventType.NOTIFICATION_DELIVERED,
			EventType.NOTIFICATION_FAILED);

	private final WebhookSubscriptions subscriptions;

	private final ProgrammeDirectory programmes;

	private final MongoOperations mongo;

	private final Clock clock;

	WebhookFanout(WebhookSubscriptions subscriptions, ProgrammeDirectory programmes, MongoOperations mongo,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.programmes = programmes;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The event types a webhook may subscribe to. */
	static List<String> offeredTypes() {
		return Arrays.stream(EventType.values())
			.filter(type -> !NOT_OFFERED.contains(type))
			.map(EventType::typeName)
			.toList();
	}

	/**
	 * Queues the event for its subscribers; an event offered twice is queued once. The data goes
	 * out as its producer wrote it, with any fields a newer producer added that this service does
	 * not know.
	 */
	public void offer(MentoringEvent event, EventMetadata metadata) {
		EventType type = event.eventType();
		if (NOT_OFFERED.contains(type)) {
			return;
		}
		List<WebhookSubscription> interested = subscriptions.findByEventTypesContainsAndStatus(type.typeName(),
				WebhookSubscription.Status.ACTIVE);
		if (interested.isEmpty()) {
			return;
		}
		String programmeId = metadata.programmeId() != null ? metadata.programmeId() : event.programmeId();
		String organisationId = metadata.organisationId() != null ? metadata.organisationId() : event.organisationId();
		List<String> programmeOrganisations = programmes.find(programmeId).map(Programme::organisations).orElse(List.of());
		String dataSchema = metadata.dataSchema() != null ? metadata.dataSchema()
				: EventSchemas.SCHEMA_BASE + type.typeName() + ".json";
		OutgoingEvent outgoing = new OutgoingEvent(metadata.id(), type.typeName(), metadata.source(),
				metadata.subject() != null ? metadata.subject() : event.subject(), metadata.time(), dataSchema,
				programmeId, organisationId, new String(data(event, metadata), StandardCharsets.UTF_8));
		for (WebhookSubscription subscription : interested) {
			String owner = subscription.organisationId();
			if (owner == null || owner.equals(organisationId) || programmeOrganisations.contains(owner)) {
				try {
					mongo.insert(WebhookDelivery.of(subscription.id(), subscription.ownerOrganisationId(), outgoing,
							clock.instant()));
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
