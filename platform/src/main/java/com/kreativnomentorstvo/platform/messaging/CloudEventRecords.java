package com.kreativnomentorstvo.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Kafka records in CloudEvents binary content mode, as a consumer reads them: attributes in
 * {@code ce_*} headers, the JSON data as the value, the subject (aggregate id) as the key. The outbox
 * writes them ({@code OutboxRecords}).
 */
public final class CloudEventRecords {

	public static final String JSON = "application/json";

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

	private CloudEventRecords() {
	}

}
