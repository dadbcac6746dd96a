package com.kreativnomentorstvo.platform.messaging;

import java.time.Instant;

/**
 * The envelope of a received event: its CloudEvents attributes and where it was read from.
 */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String programmeId,
		String organisationId, String requestId, String topic, int partition, long offset) {
}
