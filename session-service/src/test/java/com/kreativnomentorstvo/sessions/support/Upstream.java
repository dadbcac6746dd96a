package com.kreativnomentorstvo.sessions.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;
import com.kreativnomentorstvo.testkit.EventRecords;

/**
 * Events of the other services, put on their topics exactly as their outbox relays would: a
 * CloudEvent in binary mode, keyed by its subject, on the broker the service under test reads.
 */
public final class Upstream {

	/** Publishes the event as the service that owns its type would, and returns its event id. */
	public static String publish(MentoringEvent event) {
		EventType type = event.eventType();
		String source = type.topic().contains("matching") ? "/test/matching-service" : "/test/participant-service";
		OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(), source,
				event.subject(), Instant.now(), new String(EventJson.write(event), StandardCharsets.UTF_8),
				event.programmeId(), event.organisationId(), null, null);
		EventRecords.send(OutboxRecords.toRecord(entry));
		return entry.eventId();
	}

	/** Re-publishes an event with the same id, as an at-least-once relay may. */
	public static void publishAgain(MentoringEvent event, String eventId) {
		EventType type = event.eventType();
		OutboxEntry entry = new OutboxEntry(eventId, type.typeName(), type.topic(), "/test/redelivery", event.subject(),
				Instant.now(), new String(EventJson.write(event), StandardCharsets.UTF_8), event.programmeId(),
				event.organisationId(), null, null);
		EventRecords.send(OutboxRecords.toRecord(entry));
	}

	/** A tombstone on a compacted topic: the key's record is gone. */
	public static void tombstone(String topic, String key) {
		EventRecords.send(new ProducerRecord<>(topic, key, null));
	}

	private Upstream() {
	}

}
