package com.kreativnomentorstvo.platform.messaging;

import java.time.Instant;

/**
 * The envelope of a received event: its CloudEvents attributes, where it was read from, and its
 * data exactly as the producer wrote it.
 *
 * @param dataSchema the {@code dataschema} attribute: the JSON Schema of the data, or {@code null}
 * @param data the raw JSON data (UTF-8) as published, including fields this service's event
 *     classes do not know; forwarders pass it on unchanged. Do not modify the array.
 */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String programmeId,
		String organisationId, String requestId, String topic, int partition, long offset, String dataSchema,
		byte[] data) {

	/** Metadata without the schema and the raw data, e.g. for an event applied by hand. */
	public EventMetadata(String id, String type, String source, String subject, Instant time, String programmeId,
			String organisationId, String requestId, String topic, int partition, long offset) {
		this(id, type, source, subject, time, programmeId, organisationId, requestId, topic, partition, offset, null,
				null);
	}

}
