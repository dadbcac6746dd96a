package com.kreativnomentorstvo.notifications.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Section {@code webhookDeliveries} of the GDPR export: which organisation's systems were sent
 * events about her (type, event id, status, times), i.e. the recipients of her data by webhook.
 */
@Component
public class WebhookPersonalData {

	private final WebhookDeliveries deliveries;

	WebhookPersonalData(WebhookDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** The webhook deliveries of events about her, newest first. */
	public List<WebhookDeliveryRecord> of(String participantId) {
		return deliveries.findByAboutContainsOrderByCreatedAtDesc(participantId)
			.stream()
			.map(d -> new WebhookDeliveryRecord(d.eventType(), d.eventId(), d.recipientOrganisationId(),
					d.status().name(), d.createdAt(), d.deliveredAt()))
			.toList();
	}

	/** One delivery as exported. */
	public record WebhookDeliveryRecord(String eventType, String eventId, String organisationId, String status,
			Instant createdAt, Instant deliveredAt) {
	}

}
