package com.kreativnomentorstvo.notifications.webhook;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The delivery log of webhooks. */
interface WebhookDeliveries extends MongoRepository<WebhookDelivery, String> {

	Page<WebhookDelivery> findBySubscriptionId(String subscriptionId, Pageable page);

}
