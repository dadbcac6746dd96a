package com.kreativnomentorstvo.sessions.projection;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's display name and the language she reads, the only pieces of her contact details
 * this service keeps: calendar entries (in her language) and the coordinators' progress report name
 * the people in them. Taken from the compacted
 * contacts topic; removed on its tombstone and on erasure. The e-mail address is never stored.
 */
@Document("participant_names")
class ParticipantName {

	@Id
	private String id;

	private String displayName;

	private Instant changedAt;

	/** The language she reads (a BCP 47 tag), for the words of her calendar. */
	private String locale;

	protected ParticipantName() {
	}

	ParticipantName(String id, String displayName, String locale, Instant changedAt) {
		this.id = id;
		this.displayName = displayName;
		this.locale = locale;
		this.changedAt = changedAt;
	}

	String id() {
		return id;
	}

	String getDisplayName() {
		return displayName;
	}

	String getLocale() {
		return locale;
	}

	Instant getChangedAt() {
		return changedAt;
	}

}
