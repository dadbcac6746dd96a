package com.kreativnomentorstvo.notifications.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.notifications.inbox.Details;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * A message due at a time rather than on an event: before a session, when a proposal goes
 * unanswered, when a pair falls silent, when the midterm or the final review is due. Stored, so it survives
 * restarts; claimed with a conditional update, so with several instances it fires once. Its id
 * names what it is about (e.g. {@code session/<id>/24h}); when that thing changes (the session
 * moves, the pair meets again) the reminder is re-armed under a new generation, which is part of
 * its notifications' cause, so each generation notifies each person once.
 */
@Document("reminders")
class Reminder {

	enum Type {

		SESSION_DAY_BEFORE(NotificationKind.SESSION_REMINDER, Duration.ofHours(24)),
		SESSION_HOUR_BEFORE(NotificationKind.SESSION_REMINDER, Duration.ofHours(1)),
		PROPOSAL_UNANSWERED(NotificationKind.PROPOSAL_UNANSWERED, null),
		PAIR_SILENT(NotificationKind.PAIR_SILENT, null),
		MIDTERM_REVIEW(NotificationKind.MIDTERM_REVIEW_DUE, null),
		/** Told to the pair's coordinators, about its one recipient, whose review is still missing. */
		MIDTERM_REVIEW_MISSING(NotificationKind.MISSING_MIDTERM_REVIEW, null),
		/** The final review, some days before the programme's last day. */
		FINAL_REVIEW(NotificationKind.FINAL_REVIEW_DUE, null),
		/** A survey she was asked and has not answered, three days before it is due. */
		SURVEY_DUE(NotificationKind.SURVEY_REQUESTED, Duration.ofDays(3));

		final NotificationKind kind;

		final Duration before;

		Type(NotificationKind kind, Duration before) {
			this.kind = kind;
			this.before = before;
		}

	}

	enum Status {

		PENDING, FIRED, CANCELLED,
		/** Its moment passed before it could fire (e.g. the session had already begun). */
		SKIPPED

	}

	@Id
	private String id;

	private Type type;

	private List<String> recipients = new ArrayList<>();

	private String mentorId;

	private String menteeId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String subjectId;

	private String mentorshipId;

	private Instant start;

	private Integer durationMinutes;

	private String timeZone;

	private Boolean online;

	private String meetingUrl;

	private String venue;

	private Instant respondBy;

	private LocalDate date;

	private long days;

	private Instant lastActivityAt;

	@Indexed
	private Instant dueAt;

	@Indexed
	private Status status;

	private long generation;

	private Instant leaseUntil;

	private String claimToken;

	private Instant firedAt;

	@Version
	private Long version;

	Reminder() {
	}

	Reminder(String id, Type type, List<String> recipients, String mentorId, String menteeId, String programmeId,
			String organisationId, String subjectId, Instant dueAt, long generation) {
		this.id = id;
		this.type = type;
		this.recipients = new ArrayList<>(recipients);
		this.mentorId = mentorId;
		this.menteeId = menteeId;
		this.programmeId = programmeId;
		this.organisationId = organisationId;
		this.subjectId = subjectId;
		this.dueAt = dueAt;
		this.status = Status.PENDING;
		this.generation = generation;
		this.leaseUntil = Instant.EPOCH;
	}

	Reminder session(String mentorshipId, Instant start, Integer durationMinutes, String timeZone, boolean online,
			String meetingUrl, String venue) {
		this.mentorshipId = mentorshipId;
		this.start = start;
		this.durationMinutes = durationMinutes;
		this.timeZone = timeZone;
		this.online = online;
		this.meetingUrl = meetingUrl;
		this.venue = venue;
		return this;
	}

	Reminder proposal(Instant respondBy, long daysUnanswered) {
		this.respondBy = respondBy;
		this.days = daysUnanswered;
		return this;
	}

	/** A survey request (the subject), due by the time given. */
	Reminder survey(Instant dueBy) {
		this.respondBy = dueBy;
		return this;
	}

	/** A review of the pair (the subject) due by the date: the midterm date, or the programme's last day. */
	Reminder review(String mentorshipId, LocalDate date) {
		this.mentorshipId = mentorshipId;
		this.date = date;
		return this;
	}

	Reminder silence(String mentorshipId, Instant lastActivityAt, Duration silentAfter) {
		this.mentorshipId = mentorshipId;
		this.lastActivityAt = lastActivityAt;
		this.days = silentAfter.toDays();
		return this;
	}

	/** Due again at a new time, as a new generation (its earlier notifications stay as they were). */
	void rearm(Instant dueAt, long generation) {
		this.dueAt = dueAt;
		this.generation = generation;
		this.status = Status.PENDING;
		this.firedAt = null;
		release();
	}

	/** Moves a pending reminder without starting a new generation (nothing of it was sent yet). */
	void move(Instant dueAt) {
		this.dueAt = dueAt;
		release();
	}

	void cancel() {
		if (status == Status.PENDING) {
			status = Status.CANCELLED;
		}
		release();
	}

	/** Someone no longer gets it (she answered, left or was erased); cancelled when nobody is left. */
	void drop(String participantId) {
		recipients.remove(participantId);
		if (recipients.isEmpty()) {
			cancel();
		}
	}

	void activity(Instant at) {
		this.lastActivityAt = at;
	}

	/** A change of plan voids a claim in progress: the claimant's finish must not mark the new plan fired. */
	private void release() {
		leaseUntil = Instant.EPOCH;
		claimToken = null;
	}

	/** What the notification of one recipient says: the other side of the pair and the facts. */
	Details detailsFor(String recipientId) {
		Details details = new Details();
		if (mentorId != null && menteeId != null) {
			boolean toMentor = recipientId.equals(mentorId);
			details.counterpart(toMentor ? menteeId : mentorId, !toMentor);
		}
		details.mentorship(mentorshipId);
		switch (type) {
			case SESSION_DAY_BEFORE, SESSION_HOUR_BEFORE -> details.session(subjectId, null)
				.time(start, null, durationMinutes, timeZone)
				.place(Boolean.TRUE.equals(online), meetingUrl, venue)
				.hoursBefore((int) type.before.toHours());
			case PROPOSAL_UNANSWERED -> details.match(subjectId).respondBy(respondBy).days(days);
			case PAIR_SILENT -> details.days(days);
			case MIDTERM_REVIEW, MIDTERM_REVIEW_MISSING, FINAL_REVIEW -> details.date(date);
			case SURVEY_DUE -> details.surveyRequest(subjectId, respondBy);
		}
		return details;
	}

	/** The cause of this generation's notifications. */
	String cause() {
		return "reminder/" + id + "/" + generation;
	}

	String id() {
		return id;
	}

	Type type() {
		return type;
	}

	List<String> recipients() {
		return List.copyOf(recipients);
	}

	String mentorId() {
		return mentorId;
	}

	String menteeId() {
		return menteeId;
	}

	String programmeId() {
		return programmeId;
	}

	String organisationId() {
		return organisationId;
	}

	String subjectId() {
		return subjectId;
	}

	String mentorshipId() {
		return mentorshipId;
	}

	Instant start() {
		return start;
	}

	Instant respondBy() {
		return respondBy;
	}

	LocalDate date() {
		return date;
	}

	Instant lastActivityAt() {
		return lastActivityAt;
	}

	Instant dueAt() {
		return dueAt;
	}

	Status status() {
		return status;
	}

	long generation() {
		return generation;
	}

	String claimToken() {
		return claimToken;
	}

	Instant firedAt() {
		return firedAt;
	}

}
