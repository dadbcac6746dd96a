package com.kreativnomentorstvo.notifications.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;
import com.kreativnomentorstvo.testkit.EventRecords;

/** Publishes events on the shared broker as the other services would: CloudEvents, keyed by subject. */
public final class Events {

	/** A published event: its CloudEvents id and the record, to publish again as a duplicate. */
	public record Published(String id, ProducerRecord<String, byte[]> record) {

		/** Sends the very same record again (same id), as an at-least-once producer may. */
		public void again() {
			EventRecords.send(record);
		}

	}

	public static Published publish(MentoringEvent event) {
		return publish(event, event.subject());
	}

	/** Publishes under another record key, e.g. to land on the same partition as another aggregate's events. */
	public static Published publish(MentoringEvent event, String key) {
		EventType type = event.eventType();
		OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(),
				"/test/" + type.topic(), key, Instant.now(),
				new String(EventJson.write(event), StandardCharsets.UTF_8), event.programmeId(), event.organisationId(),
				"req-" + UUID.randomUUID(), null);
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(entry);
		EventRecords.send(record);
		return new Published(entry.eventId(), record);
	}

	/**
	 * Publishes the event with other data and data schema than this build writes, as a newer
	 * producer would (e.g. with a field added).
	 */
	public static Published publish(MentoringEvent event, String data, String dataSchema) {
		EventType type = event.eventType();
		OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(),
				"/test/" + type.topic(), event.subject(), Instant.now(), data, event.programmeId(), event.organisationId(),
				"req-" + UUID.randomUUID(), null);
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(entry);
		record.headers().remove("ce_dataschema").add("ce_dataschema", dataSchema.getBytes(StandardCharsets.UTF_8));
		EventRecords.send(record);
		return new Published(entry.eventId(), record);
	}

	/** Erasure on the contacts topic: the participant's key with no value. */
	public static void tombstone(String participantId) {
		EventRecords.send(new ProducerRecord<>(Topics.PARTICIPANT_CONTACTS, participantId, null));
	}

	private Events() {
	}

}
