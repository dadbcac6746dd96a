package com.kreativnomentorstvo.notifications.reminder;

import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.privacy.PersonalDataSection;

/** Section {@code reminders} of the GDPR export: the reminders planned for her that have not fired. */
@Component
@Order(60)
class ReminderPersonalData implements PersonalDataSection {

	private final Reminders reminders;

	ReminderPersonalData(Reminders reminders) {
		this.reminders = reminders;
	}

	@Override
	public String name() {
		return "reminders";
	}

	@Override
	public Object of(String participantId) {
		return reminders.findByRecipientsContains(participantId)
			.stream()
			.filter(r -> r.status() == Reminder.Status.PENDING)
			.map(r -> new ReminderRecord(r.type().kind.code(), r.subjectId(), r.dueAt()))
			.toList();
	}

	/** One planned reminder as exported. */
	record ReminderRecord(String kind, String about, Instant dueAt) {
	}

}
