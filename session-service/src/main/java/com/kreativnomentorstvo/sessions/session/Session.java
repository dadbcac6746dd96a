package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.projection.PairResource;

/**
 * A meeting of a mentor and her mentee: booked in a time zone, online with a meeting room or in
 * person at a venue; moved, called off, or recorded as held (or missed) with the pair's notes.
 * Each change visible in a calendar raises the iCalendar SEQUENCE.
 */
@Document("sessions")
public class Session extends AggregateRoot implements PairResource {

	@Id
	private String id;

	@Indexed
	private String mentorshipId;

	@Indexed
	private String programmeId;

	private String organisationId;

	@Indexed
	private String mentorId;

	@Indexed
	private String menteeId;

	private String seriesId;

	private Instant start;

	private Instant end;

	private String timeZone;

	private SessionMode mode;

	private String meetingUrl;

	private String venue;

	private String agenda;

	private SessionStatus status;

	private int sequence;

	private String scheduledBy;

	private Instant scheduledAt;

	private CancellationReason cancellationReason;

	private String cancelledBy;

	private Instant cancelledAt;

	private Instant outcomeRecordedAt;

	private String outcomeRecordedBy;

	private Absence absence;

	private List<SessionNote> notes = new ArrayList<>();

	protected Session() {
	}

	/** What a session looks like: its time, its place and what the pair plans to talk about. */
	public record Plan(Slot slot, SessionMode mode, URI meetingUrl, String venue, String agenda) {

		public Plan {
			Objects.requireNonNull(slot);
			Objects.requireNonNull(mode);
			if (mode == SessionMode.ONLINE && meetingUrl == null) {
				throw new InvalidFieldsException("meetingUrl", ProblemText.of("session.online-needs-room"));
			}
			if (mode == SessionMode.IN_PERSON && (venue == null || venue.isBlank())) {
				throw new InvalidFieldsException("venue", ProblemText.of("session.in-person-needs-venue"));
			}
		}

		/** Whether this plan meets at another time or place than {@code other}: news for other services. */
		boolean movesOrRelocates(Plan other) {
			return !slot.equals(other.slot()) || mode != other.mode() || !Objects.equals(meetingUrl, other.meetingUrl())
					|| !Objects.equals(venue, other.venue());
		}

	}

	/** What happened to a session that was due: it was held, or somebody did not come. */
	enum Outcome {

		HELD, NO_SHOW

	}

	/** Books a session of an active pair. */
	static Session schedule(String id, Mentorship mentorship, String seriesId, Plan plan, String by, Instant at) {
		mentorship.requireActive();
		Session session = new Session();
		session.id = id;
		session.mentorshipId = mentorship.getId();
		session.programmeId = mentorship.getProgrammeId();
		session.organisationId = mentorship.getOrganisationId();
		session.mentorId = mentorship.getMentorId();
		session.menteeId = mentorship.getMenteeId();
		session.seriesId = seriesId;
		session.status = SessionStatus.SCHEDULED;
		session.sequence = 0;
		session.scheduledBy = by;
		session.scheduledAt = kept(at);
		session.apply(plan);
		session.record(new SessionScheduled(id, session.mentorshipId, session.programmeId, session.organisationId,
				session.mentorId, session.menteeId, plan.slot().localStart(), session.timeZone,
				session.durationMinutes(), session.mode, session.meetingUrl, session.venue, session.sequence,
				session.scheduledAt));
		return session;
	}

	/**
	 * Refuses (422 {@code start}) a time the pair cannot book: more than {@code backdateLimit} in the
	 * past (a session that took place may be logged afterwards, not long after), or before the pair
	 * began.
	 */
	static void requireBookable(Slot slot, Mentorship mentorship, Instant now, Duration backdateLimit) {
		if (slot.start().isBefore(now.minus(backdateLimit))) {
			throw new InvalidFieldsException("start", ProblemText.of("field.too-far-back", backdateLimit.toDays()));
		}
		if (mentorship.getStartedAt() != null && slot.start().isBefore(mentorship.getStartedAt())) {
			throw new InvalidFieldsException("start", ProblemText.of("session.before-mentorship"));
		}
	}

	/**
	 * Moves the session or changes its place or agenda.
	 * @return whether anything changed
	 */
	boolean change(Plan plan, Instant at) {
		requireChangeable();
		Plan current = plan();
		if (plan.equals(current)) {
			return false;
		}
		OffsetDateTime previousStart = current.slot().localStart();
		apply(plan);
		// every change a calendar shows raises the SEQUENCE; only where and when are news for others
		sequence++;
		if (plan.movesOrRelocates(current)) {
			record(new SessionRescheduled(id, mentorshipId, programmeId, organisationId, mentorId, menteeId,
					previousStart, plan.slot().localStart(), timeZone, durationMinutes(), mode, meetingUrl, venue,
					sequence, kept(at)));
		}
		return true;
	}

	/** Refuses changes to a session that is no longer scheduled (409). */
	void requireChangeable() {
		requireStatus(SessionStatus.SCHEDULED, ProblemText.of("session.only-scheduled-changed"));
	}

	/** Refuses changes to a session that is no longer scheduled, or whose pair has ended (409). */
	void requireChangeable(Mentorship mentorship) {
		requireChangeable();
		mentorship.requireActive();
	}

	/**
	 * Refuses (422 {@code reason}) a reason nobody may give: {@link CancellationReason#MENTORSHIP_ENDED}
	 * is the service's own (see {@link #callOffAfterPairEnded}).
	 */
	static void requireReasonOfAPerson(CancellationReason reason) {
		if (reason == CancellationReason.MENTORSHIP_ENDED) {
			throw new InvalidFieldsException("reason", ProblemText.of("session.reason-ended"));
		}
	}

	/** Called off by someone (a member or a coordinator) for the reason she gives. */
	void cancel(CancellationReason reason, String by, Instant at) {
		requireReasonOfAPerson(reason);
		cancelled(reason, by, at);
	}

	/** A pair that has ended meets no more: called off by nobody in particular. */
	void callOffAfterPairEnded(Instant at) {
		cancelled(CancellationReason.MENTORSHIP_ENDED, null, at);
	}

	private void cancelled(CancellationReason reason, String by, Instant at) {
		requireStatus(SessionStatus.SCHEDULED, ProblemText.of("session.only-scheduled-cancelled"));
		status = SessionStatus.CANCELLED;
		cancellationReason = reason;
		cancelledBy = by;
		cancelledAt = kept(at);
		sequence++;
		record(new SessionCancelled(id, mentorshipId, programmeId, organisationId, mentorId, menteeId,
				slot().localStart(), timeZone, by, reason.name(), sequence, cancelledAt));
	}

	/**
	 * Records what happened, with the recorder's notes: held, or a no-show naming who was absent (and
	 * only then). A pair that has ended records only the sessions that began before its end.
	 */
	void recordOutcome(Mentorship mentorship, Outcome outcome, Absence absent, String by, Instant at,
			String sharedNote, String privateNote) {
		if (!mentorship.isActive() && mentorship.getEndedAt() != null && !start.isBefore(mentorship.getEndedAt())) {
			mentorship.requireActive();
		}
		if (outcome == Outcome.NO_SHOW) {
			if (absent == null) {
				throw new InvalidFieldsException("absent", ProblemText.of("session.absent-required"));
			}
			recordNoShow(by, absent, at, sharedNote, privateNote);
		}
		else {
			if (absent != null) {
				throw new InvalidFieldsException("absent", ProblemText.of("session.absent-only-no-show"));
			}
			recordHeld(by, at, sharedNote, privateNote);
		}
	}

	/** The pair met. The notes stay here; the event says only that it happened. */
	void recordHeld(String by, Instant at, String sharedNote, String privateNote) {
		requireOutcomeCanBeRecorded(at);
		status = SessionStatus.HELD;
		outcomeRecordedAt = kept(at);
		outcomeRecordedBy = by;
		writeNotes(by, sharedNote, privateNote, at);
		record(new SessionHeld(id, mentorshipId, programmeId, organisationId, mentorId, menteeId, slot().localStart(),
				durationMinutes(), outcomeRecordedAt));
	}

	/** Somebody did not come. */
	void recordNoShow(String by, Absence absent, Instant at, String sharedNote, String privateNote) {
		requireOutcomeCanBeRecorded(at);
		status = SessionStatus.NO_SHOW;
		absence = absent;
		outcomeRecordedAt = kept(at);
		outcomeRecordedBy = by;
		writeNotes(by, sharedNote, privateNote, at);
	}

	/**
	 * Sets the author's shared and private note, once the session has taken place; {@code null}
	 * leaves a note as it is, an empty text removes it.
	 */
	void writeNotes(String authorId, String sharedNote, String privateNote, Instant at) {
		if (status != SessionStatus.HELD && status != SessionStatus.NO_SHOW) {
			throw new ConflictException("session-not-held", ProblemText.of("session.notes-before-held"));
		}
		notes = new ArrayList<>(notes().writtenBy(authorId, sharedNote, privateNote, kept(at)).all());
	}

	/** Removes every note the participant wrote, shared and private. */
	int eraseNotesOf(String participantId) {
		SessionNotes before = notes();
		SessionNotes after = before.withoutThoseOf(participantId);
		notes = new ArrayList<>(after.all());
		return before.size() - after.size();
	}

	/** The notes the participant may read: shared ones and her own private ones. */
	public List<SessionNote> notesReadableBy(String participantId) {
		return notes().readableBy(participantId);
	}

	private SessionNotes notes() {
		return new SessionNotes(notes);
	}

	private void requireOutcomeCanBeRecorded(Instant at) {
		requireStatus(SessionStatus.SCHEDULED, ProblemText.of("session.outcome-recorded"));
		if (at.isBefore(start)) {
			throw new ConflictException("session-not-started", ProblemText.of("session.not-started"));
		}
	}

	private void requireStatus(SessionStatus required, ProblemText why) {
		if (status != required) {
			throw new ConflictException("session-" + status.name().toLowerCase().replace('_', '-'),
					ProblemText.of("session.wrong-status", id, status, why));
		}
	}

	private void apply(Plan plan) {
		start = plan.slot().start();
		end = plan.slot().end();
		timeZone = plan.slot().zone().getId();
		mode = plan.mode();
		meetingUrl = plan.mode() == SessionMode.ONLINE ? plan.meetingUrl().toString() : null;
		venue = plan.mode() == SessionMode.IN_PERSON ? plan.venue().strip() : null;
		agenda = plan.agenda();
	}

	/** Times are kept to the millisecond, as the store keeps them, so a stored session reads back the same. */
	private static Instant kept(Instant at) {
		return at.truncatedTo(ChronoUnit.MILLIS);
	}

	/** The session's current plan. */
	public Plan plan() {
		return new Plan(slot(), mode, meetingUrl == null ? null : URI.create(meetingUrl), venue, agenda);
	}

	public Slot slot() {
		return new Slot(start, end, ZoneId.of(timeZone));
	}

	public Role roleOf(String participantId) {
		return participantId.equals(mentorId) ? Role.MENTOR : Role.MENTEE;
	}

	public int durationMinutes() {
		return (int) Duration.between(start, end).toMinutes();
	}

	public String getId() {
		return id;
	}

	public String getMentorshipId() {
		return mentorshipId;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public String getMentorId() {
		return mentorId;
	}

	public String getMenteeId() {
		return menteeId;
	}

	public String getSeriesId() {
		return seriesId;
	}

	public Instant getStart() {
		return start;
	}

	public Instant getEnd() {
		return end;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public SessionMode getMode() {
		return mode;
	}

	public String getMeetingUrl() {
		return meetingUrl;
	}

	public String getVenue() {
		return venue;
	}

	public String getAgenda() {
		return agenda;
	}

	public SessionStatus getStatus() {
		return status;
	}

	public int getSequence() {
		return sequence;
	}

	public String getScheduledBy() {
		return scheduledBy;
	}

	public Instant getScheduledAt() {
		return scheduledAt;
	}

	public CancellationReason getCancellationReason() {
		return cancellationReason;
	}

	public String getCancelledBy() {
		return cancelledBy;
	}

	public Instant getCancelledAt() {
		return cancelledAt;
	}

	public Instant getOutcomeRecordedAt() {
		return outcomeRecordedAt;
	}

	public String getOutcomeRecordedBy() {
		return outcomeRecordedBy;
	}

	public Absence getAbsence() {
		return absence;
	}

}
