package com.kreativnomentorstvo.notifications.inbox;

import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Section {@code inbox} of the GDPR export: her inbox, every item written out as she reads it (in
 * her language; no link carries a token).
 */
@Component
public class InboxPersonalData {

	private final Notifications notifications;

	private final NotificationRenderer renderer;

	InboxPersonalData(Notifications notifications, NotificationRenderer renderer) {
		this.notifications = notifications;
		this.renderer = renderer;
	}

	/** Her inbox, newest first. */
	public List<InboxItem> of(String participantId) {
		// bounded by inbox.max-per-recipient
		Pageable all = Pageable.unpaged(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
		return notifications.findByRecipientIdInAndInAppTrue(Set.of(participantId), all)
			.map(n -> InboxItem.of(n, renderer.render(n)))
			.getContent();
	}

}
