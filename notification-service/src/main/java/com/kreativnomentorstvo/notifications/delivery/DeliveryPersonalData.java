package com.kreativnomentorstvo.notifications.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Section {@code deliveries} of the GDPR export: the e-mails sent (or meant) to her, as metadata:
 * kind, channel, status and times. Neither bodies nor links are kept anywhere to export.
 */
@Component
public class DeliveryPersonalData {

	private final Deliveries deliveries;

	DeliveryPersonalData(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** Her e-mails, newest first. */
	public List<DeliveryRecord> of(String participantId) {
		return deliveries.findByRecipientId(participantId, Pageable.unpaged(Sort.by(Sort.Order.desc("createdAt"))))
			.map(d -> new DeliveryRecord(d.kind(), d.channel().name(), d.status().name(), d.attempts(),
					d.failureReason(), d.createdAt(), d.deliveredAt(), d.failedAt()))
			.getContent();
	}

	/** One delivery as exported. */
	public record DeliveryRecord(String kind, String channel, String status, int attempts, String failureReason,
			Instant createdAt, Instant deliveredAt, Instant failedAt) {
	}

}
