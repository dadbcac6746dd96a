package com.kreativnomentorstvo.notifications.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about. The code is what the inbox and the preferences show, e.g.
 * {@code session-scheduled}; every kind has a template in every supported language.
 */
public enum NotificationKind {

	ENROLMENT_CONFIRMED("enrolment-confirmed", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MATCH_PROPOSED("match-proposed", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MATCH_ACCEPTED("match-accepted", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MATCH_DECLINED("match-declined", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MATCH_EXPIRED("match-expired", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MENTORSHIP_STARTED("mentorship-started", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	SESSION_SCHEDULED("session-scheduled", Audience.PARTICIPANT, Handling.CHOSEN, true, true),
	SESSION_RESCHEDULED("session-rescheduled", Audience.PARTICIPANT, Handling.CHOSEN, true, true),
	SESSION_CANCELLED("session-cancelled", Audience.PARTICIPANT, Handling.CHOSEN, true, true),
	SESSION_REMINDER("session-reminder", Audience.PARTICIPANT, Handling.CHOSEN, true, false),
	FEEDBACK_REQUEST("feedback-request", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	MIDTERM_REVIEW_DUE("midterm-review-due", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** Her final review is due: some days before the programme ends, unless she has written it. */
	FINAL_REVIEW_DUE("final-review-due", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	TRAINING_INVITATION("training-invitation", Audience.PARTICIPANT, Handling.CHOSEN, false, true),
	TRAINING_RESCHEDULED("training-rescheduled", Audience.PARTICIPANT, Handling.CHOSEN, true, true),
	TRAINING_CANCELLED("training-cancelled", Audience.PARTICIPANT, Handling.CHOSEN, true, true),
	PAIR_SILENT("pair-silent", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	PROPOSAL_UNANSWERED("proposal-unanswered", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** A coordinator's announcement to a programme's cohort, in the reader's language where written. */
	ANNOUNCEMENT("announcement", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** The other member of her pair wrote in their private thread (the text stays in the thread). */
	MESSAGE_RECEIVED("message-received", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** She is asked to answer a programme's survey, and reminded once before it is due (no question travels). */
	SURVEY_REQUESTED("survey-requested", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** An applicant confirms her address with the link (e-mail only). */
	ADDRESS_CONFIRMATION("address-confirmation", Audience.PARTICIPANT, Handling.SECURITY, true, false),
	/** A confirmed application: the coordinators will review it. */
	APPLICATION_RECEIVED("application-received", Audience.PARTICIPANT, Handling.CHOSEN, false, false),
	/** Admitted: her way in (set a password, or sign in), by e-mail whatever she chose. */
	ADMITTED("admitted", Audience.PARTICIPANT, Handling.ALWAYS, true, false),
	/** Not admitted, with the reason. */
	NOT_ADMITTED("not-admitted", Audience.PARTICIPANT, Handling.ALWAYS, false, false),
	/** Invited by a coordinator: her way in, by e-mail whatever she chose. */
	INVITATION("invitation", Audience.PARTICIPANT, Handling.ALWAYS, true, false),
	/** A link to set the password: an invitation sent again, or a reset (e-mail only). */
	PASSWORD_LINK("password-link", Audience.ANYONE, Handling.SECURITY, true, false),
	/** A mentor of an earlier cycle is invited back into the next one with a one-click link (e-mail only). */
	RETURN_INVITATION("return-invitation", Audience.PARTICIPANT, Handling.SECURITY, true, false),
	/** To an organisation's coordinators: someone applied. */
	NEW_APPLICATION("new-application", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To the coordinators who look after either side: a proposal was declined (with the reason). */
	DECLINED_PROPOSAL("declined-proposal", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To the coordinators who look after either side: nobody answered a proposal in time. */
	EXPIRED_PROPOSAL("expired-proposal", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To the coordinators who look after either side: a pair has not met for the configured days. */
	SILENT_PAIR("silent-pair", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To the coordinators who look after either side: a member's midterm review is still missing. */
	MISSING_MIDTERM_REVIEW("missing-midterm-review", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To the programme's organiser's coordinators: a group event coming soon has few acceptances. */
	LOW_TURNOUT("low-turnout", Audience.STAFF, Handling.CHOSEN, false, false),
	/** To a new coordinator: her account and, if it has none yet, the link to set its password (e-mail only). */
	COORDINATOR_APPOINTED("coordinator-appointed", Audience.STAFF, Handling.SECURITY, true, false),
	/** To a webhook's owner (an address, not a recipient of the platform). */
	WEBHOOK_DISABLED("webhook-disabled", Audience.OPERATOR, Handling.ALWAYS, true, false);

	/** Who receives messages of a kind. */
	public enum Audience {

		/** Mentors and mentees (and applicants): recipients keyed by participant id. */
		PARTICIPANT,
		/** Coordinators: recipients keyed by account id. */
		STAFF,
		/** Either of them. */
		ANYONE,
		/** An address only, such as a webhook's contact. */
		OPERATOR

	}

	/** How much say the recipient has over a kind. */
	enum Handling {

		/** Inbox and e-mail as her preferences say, held back for quiet hours and digests unless time-sensitive. */
		CHOSEN,
		/** Inbox and e-mail always, not subject to preferences. */
		ALWAYS,
		/**
		 * E-mail only (it carries a credential, which never goes to the inbox), never held back and
		 * never subject to preferences or unsubscribe links.
		 */
		SECURITY

	}

	private final String code;

	private final Audience audience;

	private final Handling handling;

	private final boolean timeSensitive;

	private final boolean calendar;

	NotificationKind(String code, Audience audience, Handling handling, boolean timeSensitive, boolean calendar) {
		this.code = code;
		this.audience = audience;
		this.handling = handling;
		this.timeSensitive = timeSensitive || handling == Handling.SECURITY;
		this.calendar = calendar;
	}

	/** The stable name, e.g. {@code match-proposed}. */
	public String code() {
		return code;
	}

	/** Whether the message loses its point if held back for quiet hours or a digest. */
	public boolean timeSensitive() {
		return timeSensitive;
	}

	/** Whether its e-mail carries a calendar entry ({@code .ics}). */
	public boolean calendar() {
		return calendar;
	}

	public Audience audience() {
		return audience;
	}

	/**
	 * Whether recipients choose how they receive it (channels, unsubscribe links). Operator
	 * notices, onboarding decisions and security messages always go as they are.
	 */
	public boolean choosable() {
		return handling == Handling.CHOSEN;
	}

	/** Whether it shows in the inbox; security messages carry a credential and go by e-mail only. */
	public boolean inbox() {
		return handling != Handling.SECURITY && audience != Audience.OPERATOR;
	}

	/** Whether it is a security message: e-mail only, at once, whatever the preferences say. */
	public boolean security() {
		return handling == Handling.SECURITY;
	}

	/** Whether a recipient of the audience (staff or participant) may choose how she receives it. */
	public boolean choosableBy(boolean staff) {
		return choosable() && (audience == Audience.ANYONE || audience == (staff ? Audience.STAFF : Audience.PARTICIPANT));
	}

	public static Optional<NotificationKind> ofCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}

}
