package com.kreativnomentorstvo.notifications.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every notification, read and unread. */
public interface Notifications extends MongoRepository<Notification, String> {

	Page<Notification> findByRecipientIdInAndInAppTrue(Collection<String> recipientIds, Pageable page);

	Page<Notification> findByRecipientIdInAndInAppTrueAndReadAtIsNull(Collection<String> recipientIds, Pageable page);

	List<Notification> findByRecipientIdInAndInAppTrueAndCreatedAtGreaterThanEqual(Collection<String> recipientIds,
			Instant since);

}
