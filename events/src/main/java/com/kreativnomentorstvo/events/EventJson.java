package com.kreativnomentorstvo.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON mapping of event data, shared by producers and consumers. Consumers ignore fields they
 * do not know (a tolerant reader), timestamps are ISO-8601 strings that keep their offset, absent
 * values are omitted.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		// a session's start carries the offset of its time zone; reading must not shift it to UTC
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	/** The shared, thread-safe mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/** Serialises event data to UTF-8 JSON. */
	public static byte[] write(MentoringEvent event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/** Reads event data of the given catalogue type. */
	public static MentoringEvent read(EventType type, byte[] data) {
		return MAPPER.readValue(data, type.dataClass());
	}

	private EventJson() {
	}

}
