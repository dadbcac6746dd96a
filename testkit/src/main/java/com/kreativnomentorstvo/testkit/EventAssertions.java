package com.kreativnomentorstvo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Assertions that a record on a topic keeps the published language's contract: the one check every test uses. */
public final class EventAssertions {

	/** Stricter than the schema: the data is exactly its catalogue record, no field the record does not know. */
	private static final JsonMapper STRICT = EventJson.mapper()
		.rebuild()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * The record is a CloudEvent in binary mode whose type is in the catalogue, published on that
	 * type's topic, keyed by its subject, whose data validates against the type's JSON Schema and is
	 * exactly the type's record (no field it does not know).
	 * @return the event's catalogue type
	 */
	public static EventType assertContractKept(ConsumerRecord<String, byte[]> record) {
		contractKept(record);
		return EventType.ofTypeName(EventRecords.header(record, "ce_type")).orElseThrow();
	}

	/**
	 * The record keeps the contract, as {@link #assertContractKept(ConsumerRecord)} checks, and is an
	 * event of the expected type.
	 * @return the event, decoded
	 */
	public static <T extends MentoringEvent> T assertContractKept(ConsumerRecord<String, byte[]> record,
			Class<T> expected) {
		MentoringEvent event = contractKept(record);
		assertThat(event).as("event on " + record.topic()).isInstanceOf(expected);
		return expected.cast(event);
	}

	private static MentoringEvent contractKept(ConsumerRecord<String, byte[]> record) {
		String typeName = EventRecords.header(record, "ce_type");
		EventType type = EventType.ofTypeName(typeName)
			.orElseThrow(() -> new AssertionError("ce_type " + typeName + " is not in the event catalogue"));
		assertThat(EventRecords.header(record, "ce_specversion")).as("ce_specversion").isEqualTo("1.0");
		assertThat(EventRecords.header(record, "ce_id")).as("ce_id").isNotBlank();
		assertThat(EventRecords.header(record, "ce_source")).as("ce_source").isNotBlank();
		assertThat(EventRecords.header(record, "ce_subject")).as("ce_subject is the record key").isEqualTo(record.key());
		assertThat(OffsetDateTime.parse(EventRecords.header(record, "ce_time"))).as("ce_time").isNotNull();
		assertThat(EventRecords.header(record, "content-type")).as("content type").isEqualTo("application/json");
		assertThat(EventRecords.header(record, "ce_dataschema")).as("ce_dataschema")
			.isEqualTo(EventSchemas.SCHEMA_BASE + typeName + ".json");
		assertThat(record.topic()).as("topic of " + typeName).isEqualTo(type.topic());
		List<String> errors = EventSchemas.errors(type, record.value());
		assertThat(errors).as("schema errors of " + typeName + " " + EventRecords.value(record)).isEmpty();
		return STRICT.readValue(record.value(), type.dataClass());
	}

	private EventAssertions() {
	}

}
