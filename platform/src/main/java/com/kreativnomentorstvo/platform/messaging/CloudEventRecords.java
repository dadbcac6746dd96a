package com.kreativnomentorstvo.platform.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.kreativnomentorstvo.events.CloudEventExtensions;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Kafka records in CloudEvents binary content mode: attributes in {@code ce_*} headers, the JSON
 * data as the value, the subject (aggregate id) as the key.
 */
public final class CloudEventRecords {

	public static final String JSON = "application/json";

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
			.withDataContentType(JSON)
			.withDataSchema(URI.create(EventSchemas.SCHEMA_BASE + entry.type() + ".json"))
			.withData(entry.data().getBytes(StandardCharsets.UTF_8));
		extension(builder, CloudEventExtensions.PROGRAMME_ID, entry.programmeId());
		extension(builder, CloudEventExtensions.ORGANISATION_ID, entry.organisationId());
		extension(builder, CloudEventExtensions.REQUEST_ID, entry.requestId());
		extension(builder, CloudEventExtensions.TRACEPARENT, entry.traceparent());
		return builder.build();
	}

	/**
	 * Reads the CloudEvent of a record.
	 * @throws PoisonEventException if the record is not a CloudEvent in binary mode
	 */
	public static CloudEvent toCloudEvent(ConsumerRecord<String, byte[]> record) {
		try {
			return KafkaMessageFactory.createReader(record).toEvent();
		}
		catch (RuntimeException ex) {
			throw new PoisonEventException("not a CloudEvent in binary content mode: " + ex.getMessage(), ex);
		}
	}

	/** A string extension attribute of an event, or {@code null}. */
	public static String extension(CloudEvent event, String name) {
		Object value = event.getExtension(name);
		return value == null ? null : value.toString();
	}

	private static void extension(CloudEventBuilder builder, String name, String value) {
		if (value != null && !value.isBlank()) {
			builder.withExtension(name, value);
		}
	}

	private CloudEventRecords() {
	}

}
