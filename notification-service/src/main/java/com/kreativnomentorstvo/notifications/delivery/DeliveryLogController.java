package com.kreativnomentorstvo.notifications.delivery;

import java.time.Instant;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.notifications.recipient.RecipientAccess;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code GET /api/v1/notifications/deliveries?recipientId=}: the e-mail delivery log of one
 * participant, newest first, for herself, her steward's coordinators (to answer "did she get the
 * invitation?") and admins; 404 for anyone else.
 */
@RestController
@RequestMapping("/api/v1/notifications/deliveries")
class DeliveryLogController {

	private final Deliveries deliveries;

	private final RecipientAccess access;

	DeliveryLogController(Deliveries deliveries, RecipientAccess access) {
		this.deliveries = deliveries;
		this.access = access;
	}

	@GetMapping
	PageOf<DeliveryView> log(@RequestParam String recipientId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		access.checkRead(caller, recipientId, "deliveries");
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
		return PageOf.of(deliveries.findByRecipientId(recipientId, request), DeliveryView::of);
	}

	/** One e-mail as the log shows it. */
	record DeliveryView(String id, String notificationId, String kind, String channel, String status, int attempts,
			String address, String lastError, String failureReason, Instant createdAt, Instant nextAttemptAt,
			Instant deliveredAt, Instant failedAt) {

		static DeliveryView of(Delivery d) {
			return new DeliveryView(d.id(), d.notificationId(), d.kind(), "EMAIL", d.status().name(), d.attempts(),
					d.address(), d.lastError(), d.failureReason(), d.createdAt(),
					d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), d.failedAt());
		}

	}

}
