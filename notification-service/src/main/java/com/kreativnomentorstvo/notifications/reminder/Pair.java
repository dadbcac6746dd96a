package com.kreativnomentorstvo.notifications.reminder;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mentorship as reminders need it: who is in it, in which programme, and whether it goes on. */
@Document("pairs")
record Pair(@Id String id, @Indexed String programmeId, String organisationId, String mentorId, String menteeId,
		boolean active, Instant startedAt) {
}
