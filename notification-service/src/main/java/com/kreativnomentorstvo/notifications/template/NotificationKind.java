package com.kreativnomentorstvo.notifications.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about. The code is what the inbox and the preferences show, e.g.
 * {@code session-scheduled}; every kind has a template in every supported language.
 */
public enum NotificationKind {

	ENROLMENT_CONFIRMED("enrolment-confirmed", false, false),
	MATCH_PROPOSED("match-proposed", false, false),
	MATCH_ACCEPTED("match-accepted", false, false),
	MATCH_DECLINED("match-declined", false, false),
	MATCH_EXPIRED("match-expired", false, false),
	MENTORSHIP_STARTED("mentorship-started", false, false),
	SESSION_SCHEDULED("session-scheduled", true, true),
	SESSION_RESCHEDULED("session-rescheduled", true, true),
	SESSION_CANCELLED("session-cancelled", true, true),
	SESSION_REMINDER("session-reminder", true, false),
	FEEDBACK_REQUEST("feedback-request", false, false),
	MIDTERM_REVIEW_DUE("midterm-review-due", false, false),
	TRAINING_INVITATION("training-invitation", false, true),
	TRAINING_RESCHEDULED("training-rescheduled", true, true),
	TRAINING_CANCELLED("training-cancelled", true, true),
	PAIR_SILENT("pair-silent", false, false),
	PROPOSAL_UNANSWERED("proposal-unanswered", false, false),
	WEBHOOK_DISABLED("webhook-disabled", true, false);

	private final String code;

	private final boolean timeSensitive;

	private final boolean calendar;

	NotificationKind(String code, boolean timeSensitive, boolean calendar) {
		this.code = code;
		this.timeSensitive = timeSensitive;
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

	/** Whether participants may choose how they receive it (operator notices are not theirs to choose). */
	public boolean forParticipants() {
		return this != WEBHOOK_DISABLED;
	}

	public static Optional<NotificationKind> ofCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}

}
