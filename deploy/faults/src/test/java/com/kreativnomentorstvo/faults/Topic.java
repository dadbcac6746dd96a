package com.kreativnomentorstvo.faults;

import java.util.List;

/** The platform's topics, as the suite reads and poisons them (names of the published language). */
final class Topic {

	static final String PARTICIPANTS = "mentoring.participants.v1";

	static final String CONTACTS = "mentoring.participant-contacts.v1";

	static final String MATCHING = "mentoring.matching.v1";

	static final String SESSIONS = "mentoring.sessions.v1";

	static final String NOTIFICATIONS = "mentoring.notifications.v1";

	static final List<String> EVENTS = List.of(PARTICIPANTS, CONTACTS, MATCHING, SESSIONS, NOTIFICATIONS);

	/** The topics some consumer group reads: every one of them gets poison. */
	static final List<String> CONSUMED = List.of(PARTICIPANTS, CONTACTS, MATCHING, SESSIONS);

	static String deadLetters(String consumerGroup) {
		return "mentoring.dlt." + consumerGroup;
	}

	private Topic() {
	}

}
