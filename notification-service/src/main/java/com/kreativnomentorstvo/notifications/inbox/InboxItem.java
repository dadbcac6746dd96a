package com.kreativnomentorstvo.notifications.inbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notification as the inbox shows it, written in the reader's language.
 *
 * @param kind e.g. {@code enrolment-confirmed}, {@code match-proposed}, {@code session-scheduled}
 * @param actionUrl the page in the platform that acts on it
 * @param readAt when the recipient marked it read, or {@code null} (always shown: unread)
 */
public record InboxItem(String id, String recipientId, String programmeId, String kind, String title, String body,
		String actionUrl, String locale, Instant createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant readAt) {

	static InboxItem of(Notification notification, NotificationRenderer.Rendered rendered) {
		return new InboxItem(notification.id(), notification.recipientId(), notification.programmeId(),
				notification.kind().code(), rendered.message().title(), rendered.message().body().strip(),
				rendered.actionUrl(), rendered.locale().tag(), notification.createdAt(), notification.readAt());
	}

}
