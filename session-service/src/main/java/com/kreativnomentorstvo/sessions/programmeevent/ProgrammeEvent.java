package com.kreativnomentorstvo.sessions.programmeevent;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.sessions.session.Slot;

/**
 * A group event of a programme, such as the kick-off or the midterm training: invited roles answer
 * (RSVP) before it starts, coordinators record who attended afterwards.
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

	private List<Rsvp> rsvps = new ArrayList<>();

	private List<Attendance> attendance = new ArrayList<>();

	protected ProgrammeEvent() {
	}

	static ProgrammeEvent schedule(String id, String programmeId, String organisationId, ProgrammeEventKind kind,
			String title, String description, Slot slot, SessionMode mode, URI meetingUrl, String venue,
			List<Role> invitedRoles, Instant at) {
		ProgrammeEvent event = new ProgrammeEvent();
		event.id = id;
		event.programmeId = programmeId;
		event.organisationId = organisationId;
		event.kind = kind;
		event.title = title;
		event.description = description;
		event.start = slot.start();
		event.end = slot.end();
		event.timeZone = slot.zone().getId();
		event.mode = mode;
		event.meetingUrl = meetingUrl == null ? null : meetingUrl.toString();
		event.venue = venue;
		event.invitedRoles = new ArrayList<>(invitedRoles);
		event.scheduledAt = at;
		event.record(new ProgrammeEventScheduled(id, programmeId, organisationId, kind.name(), title,
				slot.localStart(), slot.localEnd(), event.timeZone, mode, event.meetingUrl, venue,
				invitedRoles.stream().map(Role::name).toList(), at));
		return event;
	}

	/** Records (or changes) an invited participant's answer, until the event starts. */
	Rsvp answer(String participantId, Role role, Rsvp.Response response, Instant at) {
		if (!invitedRoles.contains(role)) {
			throw new ConflictException("not-invited", "This event is for " + invitedRoles + ", not " + role);
		}
		if (!at.isBefore(start)) {
			throw new ConflictException("event-started", "Answers are taken until the event starts");
		}
		rsvps.removeIf(r -> r.participantId().equals(participantId));
		Rsvp rsvp = new Rsvp(participantId, role, response, at);
		rsvps.add(rsvp);
		return rsvp;
	}

	/** Records who was there, once the event has started; a later record for a person replaces hers. */
	void recordAttendance(List<Attendance> records, Instant at) {
		if (at.isBefore(start)) {
			throw new ConflictException("event-not-started", "Attendance is recorded once the event has started");
		}
		for (Attendance record : records) {
			attendance.removeIf(a -> a.participantId().equals(record.participantId()));
			attendance.add(new Attendance(record.participantId(), record.status(), at));
		}
	}

	/** Withdraws her answers to events still to come. */
	boolean withdrawAnswer(String participantId, Instant now) {
		return now.isBefore(start) && rsvps.removeIf(r -> r.participantId().equals(participantId));
	}

	/** Forgets everything about her: answers and attendance. */
	boolean forget(String participantId) {
		boolean answered = rsvps.removeIf(r -> r.participantId().equals(participantId));
		boolean attended = attendance.removeIf(a -> a.participantId().equals(participantId));
		return answered || attended;
	}

	public Optional<Rsvp> answerOf(String participantId) {
		return rsvps.stream().filter(r -> r.participantId().equals(participantId)).findFirst();
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

	public List<Rsvp> getRsvps() {
		return List.copyOf(rsvps);
	}

	public List<Attendance> getAttendance() {
		return List.copyOf(attendance);
	}

}
