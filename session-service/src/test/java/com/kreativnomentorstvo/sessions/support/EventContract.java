package com.kreativnomentorstvo.sessions.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.testkit.EventAssertions;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an event this service published against the published language: the CloudEvents
 * envelope, the topic and key, the data against the JSON Schema of its type (the events jar's
 * {@code /schemas/<type>.json}), and, stricter than the schema, that the data is exactly its
 * catalogue record with no field the catalogue does not know.
 */
public final class EventContract {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public static void assertValid(ConsumerRecord<String, byte[]> record) {
		EventType type = EventAssertions.assertContractKept(record);
		STRICT.readValue(record.value(), type.dataClass());
	}

	private EventContract() {
	}

}
