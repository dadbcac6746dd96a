package com.kreativnomentorstvo.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;

/**
 * Offers every consumed event to the webhook subscribers: it is queued for every enabled
 * subscription that wants its type and may read it ({@link WebhookQueue}: what the subscription's
 * organisation may read through the API). An event about a participant who has been erased is
 * queued for nobody (a late or replayed one), except the erasure itself, which subscribers need in
 * order to forget her.
 *
 * <p>Events of different keys arrive in any order, so the audience may need a fact this service has
 * not heard of yet (an enrolment applied before its programme's creation). Such an event is not
 * decided with too little: it waits ({@link WaitingWebhookEvents}) until the fact arrives, or at
 * the latest until {@code webhooks.pending.deadline}.
 */
@Service
public class WebhookFanout {

	private final WebhookQueue queue;

	private final WaitingWebhookEvents waiting;

	WebhookFanout(WebhookQueue queue, WaitingWebhookEvents waiting) {
		this.queue = queue;
		this.waiting = waiting;
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
			WebhookQueue.Decision decision = queue.queue(event, outgoing, Set.of(), false);
			if (!decision.decided()) {
				waiting.waitFor(outgoing, decision);
			}
		}
		waiting.factsArrived(event);
	}

	/** The data as published; re-serialised only for an event applied by hand, without its raw data. */
	private static byte[] data(MentoringEvent event, EventMetadata metadata) {
		return metadata.data() != null ? metadata.data() : EventJson.write(event);
	}

}
