package com.kreativnomentorstvo.notifications.reminder;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** Section {@code reminders} of the GDPR export: the reminders planned for her that have not fired. */
@Component
public class ReminderPersonalData {

	private final Reminders reminders;

	ReminderPersonalData(Reminders reminders) {
		this.reminders = reminders;
	}

	/** Her pending reminders. */
	public List<ReminderRecord> of(String participantId) {
		return reminders.findByRecipientsContains(participantId)
			.stream()
			.filter(r -> r.status() == Reminder.Status.PENDING)
			.map(r -> new ReminderRecord(r.type().kind.code(), r.subjectId(), r.dueAt()))
			.toList();
	}

	/** One planned reminder as exported. */
	public record ReminderRecord(String kind, String about, Instant dueAt) {
	}

}
