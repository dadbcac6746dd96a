package com.kreativnomentorstvo.sessions.programmeevent;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventTurnoutFlagged;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.session.Slot;

/**
 * A group event of a programme, such as the kick-off or the midterm training: invited roles answer
 * (RSVP) before it starts, coordinators record who attended afterwards. Until it starts,
 * coordinators may move it or call it off; each change a calendar shows raises the iCalendar
 * SEQUENCE, and a called-off event takes no more answers or attendance.
 */
@Document("programme_events")
public class ProgrammeEvent extends AggregateRoot {

	@Id
	private String id;

	@Indexed
	private String programmeId;

	private String organisationId;

	private ProgrammeEventKind kind;

	private String title;

	/** Its title in other languages, by language tag. */
	private Map<String, String> titles = new LinkedHashMap<>();

	private String description;

	private Instant start;

	private Instant end;

	private String timeZone;

	private SessionMode mode;

	private String meetingUrl;

	private String venue;

	private List<Role> invitedRoles = new ArrayList<>();

	private Instant scheduledAt;

	private int sequence;

	// documents written before events could be called off have no status: they are scheduled
	private ProgrammeEventStatus status = ProgrammeEventStatus.SCHEDULED;

	private ProgrammeEventCancellation cancellationReason;

	private String cancelledBy;

	private Instant cancelledAt;

	/** When the event was flagged for few acceptances; it is flagged once. */
	private Instant turnoutFlaggedAt;

	private List<Rsvp> rsvps = new ArrayList<>();

	private List<Attendance> attendance = new ArrayList<>();

	protected ProgrammeEvent() {
	}

	/** Plans a group event for the roles invited; its calendar entry starts at SEQUENCE 0. */
	static ProgrammeEvent schedule(String id, String programmeId, String organisationId, ProgrammeEventKind kind,
			Plan plan, List<Role> invitedRoles, Instant at) {
		ProgrammeEvent event = new ProgrammeEvent();
		event.id = id;
		event.programmeId = programmeId;
		event.organisationId = organisationId;
		event.kind = kind;
		event.apply(plan);
		event.invitedRoles = new ArrayList<>(invitedRoles);
		event.scheduledAt = at;
		Slot slot = plan.slot();
		event.record(new ProgrammeEventScheduled(id, programmeId, organisationId, kind.name(), event.title,
				slot.localStart(), slot.localEnd(), event.timeZone, event.mode, event.meetingUrl, event.venue,
				event.roleNames(), at, event.getTitles()));
		return event;
	}

	/**
	 * What a group event looks like: its time, its title and description, and its place (a meeting
	 * room online, a venue in person).
	 */
	public record Plan(String title, String description, Slot slot, SessionMode mode, URI meetingUrl, String venue,
			Map<String, String> titles) {

		/** A plan titled in one language. */
		public Plan(String title, String description, Slot slot, SessionMode mode, URI meetingUrl, String venue) {
			this(title, description, slot, mode, meetingUrl, venue, Map.of());
		}

		public Plan {
			titles = titles == null ? Map.of() : Map.copyOf(titles);
			Objects.requireNonNull(title);
			Objects.requireNonNull(slot);
			Objects.requireNonNull(mode);
			if (mode == SessionMode.ONLINE && meetingUrl == null) {
				throw new InvalidFieldsException("meetingUrl", ProblemText.of("event.online-needs-room"));
			}
			if (mode == SessionMode.IN_PERSON && (venue == null || venue.isBlank())) {
				throw new InvalidFieldsException("venue", ProblemText.of("event.in-person-needs-venue"));
			}
			if (title.isBlank()) {
				throw new InvalidFieldsException("title", ProblemText.of("NotBlank"));
			}
		}

		/** Whether invitees hear of this plan after the previous one: a new time, place or title is news. */
		boolean isNewsAfter(Plan previous) {
			return !slot.equals(previous.slot()) || !title.equals(previous.title()) || mode != previous.mode()
					|| !Objects.equals(meetingUrl, previous.meetingUrl()) || !Objects.equals(venue, previous.venue())
					|| !titles.equals(previous.titles());
		}

	}

	/**
	 * Moves the event or changes its title, description or place, until it starts. Every change
	 * raises the SEQUENCE; a change of time, place or title is news for the invitees.
	 * @return whether anything changed
	 */
	boolean reschedule(Plan plan, Instant at) {
		requireOpen(at, ProblemText.of("event.started-no-move"));
		Plan current = plan();
		if (plan.equals(current)) {
			return false;
		}
		if (!plan.slot().equals(current.slot()) && !plan.slot().start().isAfter(at)) {
			throw new InvalidFieldsException("start", ProblemText.of("field.in-the-past"));
		}
		apply(plan);
		sequence++;
		if (plan.isNewsAfter(current)) {
			record(new ProgrammeEventRescheduled(id, programmeId, organisationId, kind.name(), title,
					current.slot().localStart(), plan.slot().localStart(), plan.slot().localEnd(), timeZone, mode,
					meetingUrl, venue, roleNames(), sequence, at, getTitles()));
		}
		return true;
	}

	/** Calls the event off, until it starts; answers and attendance are closed from then on. */
	void cancel(ProgrammeEventCancellation reason, String by, Instant at) {
		requireOpen(at, ProblemText.of("event.started-no-cancel"));
		status = ProgrammeEventStatus.CANCELLED;
		cancellationReason = reason;
		cancelledBy = by;
		cancelledAt = at;
		sequence++;
		Slot slot = slot();
		record(new ProgrammeEventCancelled(id, programmeId, organisationId, kind.name(), title, slot.localStart(),
				slot.localEnd(), timeZone, roleNames(), by, reason.name(), sequence, at, getTitles()));
	}

	/**
	 * Flags the event for few acceptances, once, while it is still to come and not cancelled.
	 *
	 * @return whether it was flagged now
	 */
	boolean flagTurnout(int invited, int accepted, int undecided, Instant at) {
		if (turnoutFlaggedAt != null || status == ProgrammeEventStatus.CANCELLED || !start.isAfter(at)) {
			return false;
		}
		turnoutFlaggedAt = at;
		record(new ProgrammeEventTurnoutFlagged(id, programmeId, organisationId, kind.name(), title,
				slot().localStart(), timeZone, invited, accepted, undecided, at));
		return true;
	}

	Instant getTurnoutFlaggedAt() {
		return turnoutFlaggedAt;
	}

	private void apply(Plan plan) {
		title = plan.title();
		titles = new LinkedHashMap<>(plan.titles());
		description = plan.description();
		start = plan.slot().start();
		end = plan.slot().end();
		timeZone = plan.slot().zone().getId();
		mode = plan.mode();
		meetingUrl = mode == SessionMode.ONLINE ? plan.meetingUrl().toString() : null;
		venue = mode == SessionMode.IN_PERSON ? plan.venue().strip() : null;
	}

	/** The event's current plan. */
	public Plan plan() {
		return new Plan(title, description, slot(), mode, meetingUrl == null ? null : URI.create(meetingUrl), venue,
				getTitles());
	}

	public boolean isCancelled() {
		return status == ProgrammeEventStatus.CANCELLED;
	}

	private void requireOpen(Instant at, ProblemText tooLate) {
		requireNotCancelled();
		if (!at.isBefore(start)) {
			throw new ConflictException("event-started", tooLate);
		}
	}

	private void requireNotCancelled() {
		if (isCancelled()) {
			throw new ConflictException("event-cancelled", ProblemText.of("event.cancelled", id));
		}
	}

	private List<String> roleNames() {
		return invitedRoles.stream().map(Role::name).toList();
	}

	/**
	 * Records (or changes) an invited participant's answer, until the event starts. A first answer
	 * is refused (409 {@code limit-reached}) once {@code maxRsvps} participants have answered.
	 */
	Rsvp answer(String participantId, Role role, Rsvp.Response response, Instant at, int maxRsvps) {
		requireNotCancelled();
		if (!invitedRoles.contains(role)) {
			throw new ConflictException("not-invited", ProblemText.of("event.not-invited", invitedRoles, role));
		}
		if (!at.isBefore(start)) {
			throw new ConflictException("event-started", ProblemText.of("event.answers-closed"));
		}
		Rsvp rsvp = new Rsvp(participantId, role, response, at);
		rsvps = new ArrayList<>(answers().with(rsvp, maxRsvps).all());
		return rsvp;
	}

	/**
	 * Records who was there, once the event has started; a later record for a person replaces hers.
	 * All or nothing: refused (409 {@code limit-reached}) if the event would then hold the attendance
	 * of more than {@code maxAttendance} participants.
	 */
	void recordAttendance(List<Attendance> records, Instant at, int maxAttendance) {
		requireNotCancelled();
		if (at.isBefore(start)) {
			throw new ConflictException("event-not-started", ProblemText.of("event.attendance-before-start"));
		}
		attendance = new ArrayList<>(attendanceSheet().with(records, at, maxAttendance).all());
	}

	/**
	 * Withdraws her answer if the event is still to come.
	 * @return whether there was one
	 */
	boolean withdrawAnswer(String participantId, Instant now) {
		if (!now.isBefore(start) || answerOf(participantId).isEmpty()) {
			return false;
		}
		rsvps = new ArrayList<>(answers().without(participantId).all());
		return true;
	}

	/**
	 * Forgets everything about her: her answer and her attendance.
	 * @return whether there was anything
	 */
	boolean forget(String participantId) {
		Answers answers = answers().without(participantId);
		AttendanceSheet sheet = attendanceSheet().without(participantId);
		boolean forgotten = answers.all().size() < rsvps.size() || sheet.all().size() < attendance.size();
		rsvps = new ArrayList<>(answers.all());
		attendance = new ArrayList<>(sheet.all());
		return forgotten;
	}

	public Optional<Rsvp> answerOf(String participantId) {
		return answers().of(participantId);
	}

	private Answers answers() {
		return new Answers(rsvps);
	}

	private AttendanceSheet attendanceSheet() {
		return new AttendanceSheet(attendance);
	}

	public boolean invites(Role role) {
		return role != null && invitedRoles.contains(role);
	}

	public Slot slot() {
		return new Slot(start, end, ZoneId.of(timeZone));
	}

	public String getId() {
		return id;
	}

	public String getProgrammeId() {
		return programmeId;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public ProgrammeEventKind getKind() {
		return kind;
	}

	public String getTitle() {
		return title;
	}

	/** Its title in other languages, by language tag (empty for an event titled in one language). */
	public Map<String, String> getTitles() {
		return titles == null ? Map.of() : Map.copyOf(titles);
	}

	public String getDescription() {
		return description;
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

	public List<Role> getInvitedRoles() {
		return List.copyOf(invitedRoles);
	}

	public Instant getScheduledAt() {
		return scheduledAt;
	}

	public int getSequence() {
		return sequence;
	}

	public ProgrammeEventStatus getStatus() {
		return status == null ? ProgrammeEventStatus.SCHEDULED : status;
	}

	public ProgrammeEventCancellation getCancellationReason() {
		return cancellationReason;
	}

	public String getCancelledBy() {
		return cancelledBy;
	}

	public Instant getCancelledAt() {
		return cancelledAt;
	}

	public List<Rsvp> getRsvps() {
		return List.copyOf(rsvps);
	}

	public List<Attendance> getAttendance() {
		return List.copyOf(attendance);
	}

}
