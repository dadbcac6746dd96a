package com.kreativnomentorstvo.events.notifications;

import java.time.Instant;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * A notification reached its recipient.
 *
 * @param recipientId a participant id, or a webhook subscription id for {@link Channel#WEBHOOK}
 * @param kind the notification kind, e.g. {@code session-scheduled}
 * @param causedBy the id of the event that caused the notification
 */
public record NotificationDelivered(String notificationId, String programmeId, String organisationId,
		String recipientId, Channel channel, String kind, String causedBy, int attempts, Instant deliveredAt)
		implements MentoringEvent {

	@Override
	public String subject() {
		return notificationId;
	}

}
