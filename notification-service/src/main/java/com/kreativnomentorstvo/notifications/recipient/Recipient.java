package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.notifications.template.SupportedLocale;

/**
 * A participant as a recipient of messages: the programme and role from the participants topic,
 * and the name, address, language and time zone from the compacted contacts topic. The two
 * halves arrive independently and each keeps its newest version.
 */
@Document("recipients")
public class Recipient {

	@Id
	private String id;

	private String programmeId;

	private String organisationId;

	private String role;

	private String status;

	private String profileLocale;

	private String profileTimeZone;

	private Long profileVersion;

	private String displayName;

	private String email;

	private String contactLocale;

	private String contactTimeZone;

	private Instant contactChangedAt;

	Recipient() {
	}

	public String id() {
		return id;
	}

	public String programmeId() {
		return programmeId;
	}

	public String organisationId() {
		return organisationId;
	}

	/** {@code MENTOR} or {@code MENTEE}, once the enrolment is known. */
	public String role() {
		return role;
	}

	public boolean isMentor() {
		return "MENTOR".equals(role);
	}

	/** Whether the participant has left the programme. */
	public boolean withdrawn() {
		return "WITHDRAWN".equals(status);
	}

	/** The name to address the person by, or {@code null} while the contact record is unknown. */
	public String displayName() {
		return displayName;
	}

	/** The e-mail address, or {@code null} while the contact record is unknown. */
	public String email() {
		return email;
	}

	/** The language from the contact record, else the profile's. Preferences may override it. */
	public SupportedLocale locale() {
		return SupportedLocale.firstOf(contactLocale, profileLocale);
	}

	/** The person's time zone, or the fallback when neither source gave a valid one. */
	public ZoneId timeZone(ZoneId fallback) {
		for (String zone : new String[] { contactTimeZone, profileTimeZone }) {
			if (zone != null && !zone.isBlank()) {
				try {
					return ZoneId.of(zone);
				}
				catch (RuntimeException ex) {
					// an invalid zone in one source must not stop the message
				}
			}
		}
		return fallback;
	}

}
