package com.kreativnomentorstvo.sessions.programmeevent;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.projection.Stewardship;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.sessions.SessionProperties;
import com.kreativnomentorstvo.sessions.session.MeetingRooms;
import com.kreativnomentorstvo.sessions.session.Slot;
import com.kreativnomentorstvo.sessions.web.Ids;

/** Schedules a programme's group events and keeps their answers and attendance. */
@Service
public class ProgrammeEventPlanner {

	private static final int ATTEMPTS = 5;

	private final ProgrammeEvents events;

	private final ProgrammeDirectory programmes;

	private final ProgrammeMembership membership;

	private final Stewardship stewardship;

	private final MeetingRooms rooms;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	private final SessionProperties.Limits limits;

	ProgrammeEventPlanner(ProgrammeEvents events, ProgrammeDirectory programmes, ProgrammeMembership membership,
			Stewardship stewardship, MeetingRooms rooms, Clock clock, SessionProperties properties) {
		this.events = events;
		this.programmes = programmes;
		this.membership = membership;
		this.stewardship = stewardship;
		this.rooms = rooms;
		this.clock = clock;
		this.settings = properties.scheduling();
		this.limits = properties.limits();
	}

	/** A group event as asked for. */
	record Plan(ProgrammeEventKind kind, String title, String description, String start, String end,
			Integer durationMinutes, String timeZone, SessionMode mode, String meetingUrl, String venue,
			List<Role> invitedRoles) {
	}

	ProgrammeEvent schedule(Caller caller, String programmeId, Plan plan) {
		Programme programme = coordinated(caller, programmeId);
		Slot slot = Slot.parse(plan.start(), plan.end(), plan.durationMinutes(), plan.timeZone(),
				settings.minDuration(), settings.maxDuration());
		// an event that already took place may be entered, to record its attendance
		if (slot.start().isBefore(now().minus(settings.backdateLimit()))) {
			throw new InvalidFieldsException("start",
					"is more than " + settings.backdateLimit().toDays() + " days in the past");
		}
		SessionMode mode = plan.mode() == null ? SessionMode.ONLINE : plan.mode();
		URI room = mode == SessionMode.ONLINE ? room(plan.meetingUrl()) : null;
		if (mode == SessionMode.IN_PERSON && (plan.venue() == null || plan.venue().isBlank())) {
			throw new InvalidFieldsException("venue", "an in-person event needs a venue");
		}
		List<Role> invited = plan.invitedRoles() == null || plan.invitedRoles().isEmpty()
				? List.of(Role.MENTOR, Role.MENTEE) : plan.invitedRoles().stream().distinct().toList();
		ProgrammeEvent event = ProgrammeEvent.schedule(Ids.next("pev"), programmeId, programme.organiserId(),
				plan.kind(), plan.title().strip(), plan.description(), slot, mode, room,
				mode == SessionMode.IN_PERSON ? plan.venue().strip() : null, invited, now());
		return events.insert(event);
	}

	/** A change as asked for; absent fields keep their value. */
	record Change(String title, String description, String start, String end, Integer durationMinutes,
			String timeZone, SessionMode mode, String meetingUrl, String venue) {
	}

	/**
	 * Moves an event that has not started or changes its title, description or place; raises its
	 * SEQUENCE. {@code ifMatch}, if sent, must name the current version (412 otherwise).
	 */
	ProgrammeEvent reschedule(Caller caller, String programmeId, String eventId, Change change, String ifMatch) {
		coordinated(caller, programmeId);
		ProgrammeEvent event = inProgramme(programmeId, eventId);
		Versions.checkMatch(ifMatch, event.getVersion(), "programme event");
		ProgrammeEvent.Plan current = event.plan();
		Slot slot = changedSlot(current.slot(), change);
		SessionMode mode = change.mode() == null ? current.mode() : change.mode();
		URI room = null;
		if (mode == SessionMode.ONLINE) {
			room = change.meetingUrl() != null ? room(change.meetingUrl())
					: current.meetingUrl() != null ? current.meetingUrl() : rooms.newRoom();
		}
		String venue = change.venue() != null ? change.venue().strip() : current.venue();
		if (mode == SessionMode.IN_PERSON && (venue == null || venue.isBlank())) {
			throw new InvalidFieldsException("venue", "an in-person event needs a venue");
		}
		String title = change.title() != null ? change.title().strip() : current.title();
		if (title.isBlank()) {
			throw new InvalidFieldsException("title", "must not be blank");
		}
		String description = change.description() != null ? change.description() : current.description();
		ProgrammeEvent.Plan plan = new ProgrammeEvent.Plan(title, description, slot, mode, room,
				mode == SessionMode.IN_PERSON ? venue : null);
		if (!event.reschedule(plan, now())) {
			return event;
		}
		return events.save(event);
	}

	/** Calls off an event that has not started. {@code ifMatch}, if sent, must name the current version. */
	ProgrammeEvent cancel(Caller caller, String programmeId, String eventId, ProgrammeEventCancellation reason,
			String ifMatch) {
		coordinated(caller, programmeId);
		ProgrammeEvent event = inProgramme(programmeId, eventId);
		Versions.checkMatch(ifMatch, event.getVersion(), "programme event");
		event.cancel(reason, caller.subject(), now());
		return events.save(event);
	}

	/** The event, if the caller coordinates its programme or is invited to it; otherwise 404. */
	public ProgrammeEvent visible(Caller caller, String programmeId, String eventId) {
		ProgrammeEvent event = inProgramme(programmeId, eventId);
		if (coordinates(caller, programmeId)) {
			return event;
		}
		Role role = membership.of(caller, programmeId).map(ProgrammeMembership.Member::role).orElse(null);
		if (!event.invites(role)) {
			throw new ResourceNotFoundException("programme event", eventId);
		}
		return event;
	}

	Rsvp answer(Caller caller, String programmeId, String eventId, Rsvp.Response response) {
		visible(caller, programmeId, eventId);
		ProgrammeMembership.Member member = membership.of(caller, programmeId)
			.orElseThrow(() -> new AccessDeniedException("only invited participants answer"));
		return retrying(eventId, event -> event.answer(member.participantId(), member.role(), response, now(),
				limits.rsvpsPerEvent()));
	}

	ProgrammeEvent recordAttendance(Caller caller, String programmeId, String eventId, List<Attendance> records) {
		coordinated(caller, programmeId);
		visible(caller, programmeId, eventId);
		return retrying(eventId, event -> {
			event.recordAttendance(records, now(), limits.attendancePerEvent());
			return event;
		});
	}

	/** Withdraws her answers to events still to come. */
	public void participantLeft(String participantId) {
		for (ProgrammeEvent event : events.findByRsvpsParticipantId(participantId)) {
			retrying(event.getId(), e -> e.withdrawAnswer(participantId, now()));
		}
	}

	/** Forgets her answers and attendance everywhere. */
	public int forget(String participantId) {
		int forgotten = 0;
		List<ProgrammeEvent> touched = new ArrayList<>(events.findByRsvpsParticipantId(participantId));
		touched.addAll(events.findByAttendanceParticipantId(participantId));
		for (String id : touched.stream().map(ProgrammeEvent::getId).distinct().toList()) {
			if (retrying(id, e -> e.forget(participantId))) {
				forgotten++;
			}
		}
		return forgotten;
	}

	/** Whether the caller coordinates the programme, as its organiser or a partner. */
	boolean coordinates(Caller caller, String programmeId) {
		return programmes.coordinates(caller, programmeId, null);
	}

	/**
	 * Whose answers and attendance the caller sees: everyone's for the programme's runners, those of
	 * the participants she stewards for a partner's coordinator; {@code null} for anyone else.
	 */
	Predicate<String> whoseAnswersSeenBy(Caller caller, String programmeId) {
		if (stewardship.runs(caller, programmeId, null)) {
			return participantId -> true;
		}
		return coordinates(caller, programmeId) ? stewardship.stewardedBy(caller) : null;
	}

	/**
	 * The programme, if the caller runs it (plans its trainings and records attendance): 403 for
	 * its partners' coordinators and its participants, 404 for everyone else.
	 */
	private Programme coordinated(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (!stewardship.runs(caller, programmeId, null)) {
			if (coordinates(caller, programmeId) || membership.of(caller, programmeId).isPresent()) {
				throw new AccessDeniedException("only the programme's organiser plans its events");
			}
			throw new ResourceNotFoundException("programme", programmeId);
		}
		return programme;
	}

	private ProgrammeEvent inProgramme(String programmeId, String eventId) {
		return events.findById(eventId)
			.filter(e -> e.getProgrammeId().equals(programmeId))
			.orElseThrow(() -> new ResourceNotFoundException("programme event", eventId));
	}

	/** The new time: absent fields keep the event's start, length and zone. */
	private Slot changedSlot(Slot current, Change change) {
		return current.changedBy(change.start(), change.end(), change.durationMinutes(), change.timeZone(),
				settings.minDuration(), settings.maxDuration());
	}

	/** Applies a change to the stored event, again on a fresh copy if someone else wrote in between. */
	private <T> T retrying(String eventId, Function<ProgrammeEvent, T> change) {
		for (int attempt = 1;; attempt++) {
			ProgrammeEvent event = events.findById(eventId)
				.orElseThrow(() -> new ResourceNotFoundException("programme event", eventId));
			T result = change.apply(event);
			try {
				events.save(event);
				return result;
			}
			catch (OptimisticLockingFailureException concurrent) {
				if (attempt >= ATTEMPTS) {
					throw concurrent;
				}
			}
		}
	}

	private URI room(String asked) {
		if (asked == null || asked.isBlank()) {
			return rooms.newRoom();
		}
		try {
			URI uri = new URI(asked.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				throw new InvalidFieldsException("meetingUrl", "must be an https link");
			}
			return uri;
		}
		catch (URISyntaxException invalid) {
			throw new InvalidFieldsException("meetingUrl", "is not a valid link");
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
