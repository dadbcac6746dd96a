package com.kreativnomentorstvo.notifications.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The delivery log of e-mails. */
public interface Deliveries extends MongoRepository<Delivery, String> {

	Page<Delivery> findByRecipientId(String recipientId, Pageable page);

	List<Delivery> findByStatusAndCreatedAtLessThan(Delivery.Status status, Instant createdBefore);

}
