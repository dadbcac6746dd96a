package com.kreativnomentorstvo.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.kreativnomentorstvo.events.CloudEventExtensions;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.platform.messaging.CloudEventRecords;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * The Kafka record that publishes an outbox entry, in CloudEvents binary content mode (the format
 * {@link CloudEventRecords} reads on the consumer side): attributes in {@code ce_*} headers, the JSON
 * data as the value, the subject (aggregate id) as the key.
 */
public final class OutboxRecords {

	private OutboxRecords() {
	}

	/** The record that publishes an outbox entry. */
	public static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
		return KafkaMessageFactory.createWriter(entry.topic(), entry.subject()).writeBinary(toCloudEvent(entry));
	}

	/** The CloudEvent an outbox entry stands for. */
	public static CloudEvent toCloudEvent(OutboxEntry entry) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(entry.eventId())
			.withType(entry.type())
			.withSource(URI.create(entry.source()))
			.withSubject(entry.subject())
			.withTime(entry.time().atOffset(ZoneOffset.UTC))
			.withDataContentType(CloudEventRecords.JSON)
			.withDataSchema(URI.create(EventSchemas.SCHEMA_BASE + entry.type() + ".json"))
			.withData(entry.data().getBytes(StandardCharsets.UTF_8));
		extension(builder, CloudEventExtensions.PROGRAMME_ID, entry.programmeId());
		extension(builder, CloudEventExtensions.ORGANISATION_ID, entry.organisationId());
		extension(builder, CloudEventExtensions.REQUEST_ID, entry.requestId());
		extension(builder, CloudEventExtensions.TRACEPARENT, entry.traceparent());
		return builder.build();
	}

	private static void extension(CloudEventBuilder builder, String name, String value) {
		if (value != null && !value.isBlank()) {
			builder.withExtension(name, value);
		}
	}

}
