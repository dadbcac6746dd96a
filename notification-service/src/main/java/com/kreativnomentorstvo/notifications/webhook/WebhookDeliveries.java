package com.kreativnomentorstvo.notifications.webhook;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The delivery log of webhooks. */
interface WebhookDeliveries extends MongoRepository<WebhookDelivery, String> {

	Page<WebhookDelivery> findBySubscriptionId(String subscriptionId, Pageable page);

	/** The deliveries of events about the participant, newest first. */
	List<WebhookDelivery> findByAboutContainsOrderByCreatedAtDesc(String participantId);

}
