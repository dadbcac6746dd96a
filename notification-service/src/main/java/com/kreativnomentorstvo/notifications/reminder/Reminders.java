package com.kreativnomentorstvo.notifications.reminder;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every reminder, pending or done. */
interface Reminders extends MongoRepository<Reminder, String> {

	List<Reminder> findBySubjectId(String subjectId);

	List<Reminder> findByRecipientsContains(String participantId);

}
