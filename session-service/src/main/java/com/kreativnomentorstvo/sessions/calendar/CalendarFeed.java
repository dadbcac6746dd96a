package com.kreativnomentorstvo.sessions.calendar;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's secret feed address. Only a SHA-256 hash of the token is stored: the token
 * itself is shown once, when it is made, and a leaked database reveals no feed.
 */
@Document("calendar_feeds")
class CalendarFeed {

	@Id
	private String participantId;

	private String tokenHash;

	private Instant createdAt;

	protected CalendarFeed() {
	}

	CalendarFeed(String participantId, String tokenHash, Instant createdAt) {
		this.participantId = participantId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	String getParticipantId() {
		return participantId;
	}

	String getTokenHash() {
		return tokenHash;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
