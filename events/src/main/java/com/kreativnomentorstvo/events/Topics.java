package com.kreativnomentorstvo.events;

import java.util.List;

/** The Kafka topics of the published language. One per publishing service, plus the contacts topic. */
public final class Topics {

	/** Organisations, programmes and participants; published by participant-service. */
	public static final String PARTICIPANTS = "mentoring.participants.v1";

	/**
	 * Contact details (personal data) keyed by participant id, or by account id for coordinators.
	 * Compacted: the latest record per key is kept, and erasure (or a coordinator's removal) writes a
	 * tombstone (null value).
	 */
	public static final String PARTICIPANT_CONTACTS = "mentoring.participant-contacts.v1";

	/** Proposals, matches and mentorship start/end; published by matching-service. */
	public static final String MATCHING = "mentoring.matching.v1";

	/** Sessions, feedback, reviews and programme events; published by session-service. */
	public static final String SESSIONS = "mentoring.sessions.v1";

	/** Delivery outcomes; published by notification-service. */
	public static final String NOTIFICATIONS = "mentoring.notifications.v1";

	/** Every topic of the published language. */
	public static final List<String> ALL = List.of(PARTICIPANTS, PARTICIPANT_CONTACTS, MATCHING, SESSIONS,
			NOTIFICATIONS);

	/** Topics whose records are compacted by key rather than deleted by age. */
	public static final List<String> COMPACTED = List.of(PARTICIPANT_CONTACTS);

	/** The dead-letter topic of one consumer group: poison records it could not apply. */
	public static String deadLetterTopic(String consumerGroup) {
		return "mentoring.dlt." + consumerGroup;
	}

	private Topics() {
	}

}
