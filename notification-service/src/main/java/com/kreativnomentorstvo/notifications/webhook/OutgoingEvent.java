package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;

/**
 * An event of the platform as a webhook delivers it: the CloudEvents attributes it was published
 * with (same id, type, source and subject) and its JSON data.
 */
record OutgoingEvent(String id, String type, String source, String subject, Instant time, String dataSchema,
		String programmeId, String organisationId, String data) {
}
