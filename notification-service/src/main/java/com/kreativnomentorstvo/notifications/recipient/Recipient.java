package com.kreativnomentorstvo.notifications.recipient;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.notifications.template.SupportedLocale;

/**
 * A participant as a recipient of messages: the programme and role from the participants topic,
 * and the name, address, language and time zone from the compacted contacts topic. The two
 * halves arrive independently and each keeps its newest version.
 *
 * <p>A coordinator is a recipient too ("staff"): keyed by her account id, role {@code COORDINATOR},
 * her organisation and no programme, from {@code coordinator.appointed} and her contact record.
 */
@Document("recipients")
@CompoundIndex(name = "staff", def = "{'role': 1, 'organisationId': 1}")
public class Recipient {

	/** The role of a staff recipient. */
	static final String COORDINATOR = "COORDINATOR";

	@Id
	private String id;

	/** The account (tokens' {@code sub}) the enrolment belongs to, once known; never set for staff. */
	@Indexed
	private String accountId;

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

	private Instant appointedAt;

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

	/** The account the enrolment belongs to, or {@code null} while unknown (and for staff). */
	public String accountId() {
		return accountId;
	}

	/** {@code MENTOR} or {@code MENTEE} once the enrolment is known, {@code COORDINATOR} for staff. */
	public String role() {
		return role;
	}

	public boolean isMentor() {
		return "MENTOR".equals(role);
	}

	/** Whether this is a coordinator (keyed by her account id), not a participant. */
	public boolean isStaff() {
		return COORDINATOR.equals(role);
	}

	/** Whether the participant has left the programme. */
	public boolean withdrawn() {
		return "WITHDRAWN".equals(status);
	}

	/**
	 * Whether she takes part in the programme now: admitted (or enrolled directly) and not gone. An
	 * applicant waiting for a decision, a rejected one and an invitee who has not enrolled yet do not.
	 */
	public boolean takesPart() {
		return role != null && !isStaff() && ("ACCEPTED".equals(status) || "ACTIVE".equals(status));
	}

	/** The name to address the person by, or {@code null} while the contact record is unknown. */
	public String displayName() {
		return displayName;
	}

	/** {@code APPLIED}, {@code ACCEPTED}, {@code ACTIVE}, {@code WITHDRAWN}, ... as the profile last said. */
	String status() {
		return status;
	}

	String profileLocale() {
		return profileLocale;
	}

	String contactLocale() {
		return contactLocale;
	}

	String profileTimeZone() {
		return profileTimeZone;
	}

	String contactTimeZone() {
		return contactTimeZone;
	}

	/** When the contact record (the newest known) changed. */
	public Instant contactChangedAt() {
		return contactChangedAt;
	}

	/** When a coordinator was (last) appointed, or {@code null}. */
	public Instant appointedAt() {
		return appointedAt;
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
