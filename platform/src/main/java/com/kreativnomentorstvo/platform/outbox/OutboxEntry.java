package com.kreativnomentorstvo.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in an aggregate's document to be published: the CloudEvent's attributes and
 * its JSON data, exactly as they will go on the wire.
 */
public record OutboxEntry(String eventId, String type, String topic, String source, String subject, Instant time,
		String data, String programmeId, String organisationId, String requestId, String traceparent) {
}
