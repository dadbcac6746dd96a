package com.kreativnomentorstvo.events.notifications;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A notification could not be delivered and will not be retried.
 *
 * @param reason a code, not free text: {@code SMTP_REJECTED}, {@code ENDPOINT_FAILING},
 *     {@code NO_CONTACT}, {@code RETRIES_EXHAUSTED} or {@code OTHER}
 */
public record NotificationFailed(String notificationId, String programmeId, String organisationId,
		String recipientId, Channel channel, String kind, String causedBy, int attempts, String reason,
		Instant failedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return notificationId;
	}

}
