package com.kreativnomentorstvo.notifications.inbox;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.privacy.PersonalDataSection;

/**
 * Section {@code inbox} of the GDPR export: her inbox, every item written out as she reads it (in
 * her language; no link carries a token).
 */
@Component
@Order(30)
class InboxPersonalData implements PersonalDataSection {

	private final Notifications notifications;

	private final NotificationRenderer renderer;

	InboxPersonalData(Notifications notifications, NotificationRenderer renderer) {
		this.notifications = notifications;
		this.renderer = renderer;
	}

	@Override
	public String name() {
		return "inbox";
	}

	@Override
	public Object of(String participantId) {
		// bounded by inbox.max-per-recipient
		Pageable all = Pageable.unpaged(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
		return notifications.findByRecipientIdInAndInAppTrue(Set.of(participantId), all)
			.map(n -> InboxItem.of(n, renderer.render(n)))
			.getContent();
	}

}
