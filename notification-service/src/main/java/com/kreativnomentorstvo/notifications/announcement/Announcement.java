package com.kreativnomentorstvo.notifications.announcement;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.support.language.SerbianScript;

/**
 * What a coordinator announced to a programme's cohort, as she wrote it (one text per language she
 * chose), and to how many people it went. Each person's inbox item and e-mail carry the text in
 * her language.
 *
 * @param audience {@code ALL}, {@code MENTORS} or {@code MENTEES}
 * @param organisationId only this organisation's participants, if given
 * @param texts subject and body by language tag
 * @param sentBy the account of the coordinator
 * @param recipients how many people it went to
 */
@Document("announcements")
record Announcement(@Id String id, @Indexed String programmeId, Audience audience, String organisationId,
		Map<String, Text> texts, String sentBy, Instant sentAt, int recipients) {

	/** Who in the cohort an announcement goes to. */
	enum Audience {

		ALL, MENTORS, MENTEES;

		boolean includes(String role) {
			return this == ALL || this == MENTORS && "MENTOR".equals(role) || this == MENTEES && "MENTEE".equals(role);
		}

	}

	/** One language's version. */
	record Text(String subject, String body) {

		/** A Serbian Latin version written in Cyrillic. */
		Text inCyrillic() {
			return new Text(SerbianScript.toCyrillic(subject), SerbianScript.toCyrillic(body));
		}

	}

}
