package com.kreativnomentorstvo.notifications.webhook;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every webhook subscription of this instance. */
interface WebhookSubscriptions extends MongoRepository<WebhookSubscription, String> {

	List<WebhookSubscription> findByEventTypesContainsAndStatus(String eventType, WebhookSubscription.Status status);

	Page<WebhookSubscription> findByOrganisationId(String organisationId, Pageable page);

	/** How many subscriptions the organisation has ({@code null}: the instance-wide ones). */
	long countByOrganisationId(String organisationId);

}
