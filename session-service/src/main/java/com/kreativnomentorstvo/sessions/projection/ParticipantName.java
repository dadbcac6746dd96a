package com.kreativnomentorstvo.sessions.projection;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's display name, the one piece of her contact details this service keeps: calendar
 * entries and the coordinators' progress report name the people in them. Taken from the compacted
 * contacts topic; removed on its tombstone and on erasure. The e-mail address is never stored.
 */
@Document("participant_names")
class ParticipantName {

	@Id
	private String id;

	private String displayName;

	private Instant changedAt;

	protected ParticipantName() {
	}

	ParticipantName(String id, String displayName, Instant changedAt) {
		this.id = id;
		this.displayName = displayName;
		this.changedAt = changedAt;
	}

	String id() {
		return id;
	}

	String getDisplayName() {
		return displayName;
	}

	Instant getChangedAt() {
		return changedAt;
	}

}
