package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.privacy.PersonalDataSection;

/**
 * Section {@code webhookDeliveries} of the GDPR export: which organisation's systems were sent
 * events about her (type, event id, status, times), i.e. the recipients of her data by webhook.
 */
@Component
@Order(50)
class WebhookPersonalData implements PersonalDataSection {

	private final WebhookDeliveries deliveries;

	WebhookPersonalData(WebhookDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public String name() {
		return "webhookDeliveries";
	}

	@Override
	public Object of(String participantId) {
		return deliveries.findByAboutContainsOrderByCreatedAtDesc(participantId)
			.stream()
			.map(d -> new WebhookDeliveryRecord(d.eventType(), d.eventId(), d.recipientOrganisationId(),
					d.status().name(), d.createdAt(), d.deliveredAt()))
			.toList();
	}

	/** One delivery as exported. */
	record WebhookDeliveryRecord(String eventType, String eventId, String organisationId, String status,
			Instant createdAt, Instant deliveredAt) {
	}

}
