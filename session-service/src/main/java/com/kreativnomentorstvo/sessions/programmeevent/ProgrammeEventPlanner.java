package com.kreativnomentorstvo.sessions.programmeevent;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.session.MeetingRooms;
import com.kreativnomentorstvo.sessions.session.Slot;
import com.kreativnomentorstvo.support.language.ApiLanguages;

/** The programme's runners schedule its group events, and move or call them off until they start. */
@Service
class ProgrammeEventPlanner {

	private final ProgrammeEvents events;

	private final ProgrammeEventAccess access;

	private final MeetingRooms rooms;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	ProgrammeEventPlanner(ProgrammeEvents events, ProgrammeEventAccess access, MeetingRooms rooms, Clock clock,
			SessionProperties properties) {
		this.events = events;
		this.access = access;
		this.rooms = rooms;
		this.clock = clock;
		this.settings = properties.scheduling();
	}

	/** A group event as asked for. */
	record Plan(ProgrammeEventKind kind, String title, String description, String start, String end,
			Integer durationMinutes, String timeZone, SessionMode mode, String meetingUrl, String venue,
			List<Role> invitedRoles, Map<String, String> titles) {
	}

	ProgrammeEvent schedule(Caller caller, String programmeId, Plan plan) {
		Programme programme = access.runBy(caller, programmeId);
		Slot slot = Slot.parse(plan.start(), plan.end(), plan.durationMinutes(), plan.timeZone(),
				settings.minDuration(), settings.maxDuration());
		// an event that already took place may be entered, to record its attendance
		if (slot.start().isBefore(now().minus(settings.backdateLimit()))) {
			throw new InvalidFieldsException("start",
					ProblemText.of("field.too-far-back", settings.backdateLimit().toDays()));
		}
		SessionMode mode = plan.mode() == null ? SessionMode.ONLINE : plan.mode();
		URI room = mode == SessionMode.ONLINE ? rooms.roomFor(plan.meetingUrl()) : null;
		List<Role> invited = plan.invitedRoles() == null || plan.invitedRoles().isEmpty()
				? List.of(Role.MENTOR, Role.MENTEE) : plan.invitedRoles().stream().distinct().toList();
		ProgrammeEvent.Plan what = new ProgrammeEvent.Plan(plan.title().strip(), plan.description(), slot, mode, room,
				mode == SessionMode.IN_PERSON ? plan.venue() : null, titles(plan.titles()));
		ProgrammeEvent event = ProgrammeEvent.schedule(Ids.next("pev"), programmeId, programme.organiserId(),
				plan.kind(), what, invited, now());
		return events.insert(event);
	}

	/** A change as asked for; absent fields keep their value. */
	record Change(String title, String description, String start, String end, Integer durationMinutes,
			String timeZone, SessionMode mode, String meetingUrl, String venue, Map<String, String> titles) {
	}

	/**
	 * Moves an event that has not started or changes its title, description or place; raises its
	 * SEQUENCE. {@code ifMatch}, if sent, must name the current version (412 otherwise).
	 */
	ProgrammeEvent reschedule(Caller caller, String programmeId, String eventId, Change change, String ifMatch) {
		access.runBy(caller, programmeId);
		ProgrammeEvent event = access.inProgramme(programmeId, eventId);
		Versions.checkMatch(ifMatch, event.getVersion(), "programme event");
		ProgrammeEvent.Plan current = event.plan();
		Slot slot = current.slot().changedBy(change.start(), change.end(), change.durationMinutes(),
				change.timeZone(), settings.minDuration(), settings.maxDuration());
		SessionMode mode = change.mode() == null ? current.mode() : change.mode();
		URI room = null;
		if (mode == SessionMode.ONLINE) {
			room = change.meetingUrl() != null ? rooms.roomFor(change.meetingUrl())
					: current.meetingUrl() != null ? current.meetingUrl() : rooms.newRoom();
		}
		String venue = change.venue() != null ? change.venue().strip() : current.venue();
		String title = change.title() != null ? change.title().strip() : current.title();
		String description = change.description() != null ? change.description() : current.description();
		ProgrammeEvent.Plan plan = new ProgrammeEvent.Plan(title, description, slot, mode, room,
				mode == SessionMode.IN_PERSON ? venue : null,
				change.titles() != null ? titles(change.titles()) : current.titles());
		if (!event.reschedule(plan, now())) {
			return event;
		}
		return events.save(event);
	}

	/**
	 * The titles by language, stripped; a language not among the API's six is refused naming it
	 * ({@code titles.<tag>}).
	 */
	private static Map<String, String> titles(Map<String, String> titles) {
		if (titles == null) {
			return Map.of();
		}
		List<FieldProblem> problems = titles.keySet()
			.stream()
			.filter(language -> !ApiLanguages.TAGS.contains(language))
			.sorted()
			.map(language -> FieldProblem.of("titles." + language, "event.title-language",
					String.join(", ", ApiLanguages.TAGS)))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		Map<String, String> stripped = new LinkedHashMap<>();
		titles.forEach((language, title) -> stripped.put(language, title.strip()));
		return stripped;
	}

	/** Calls off an event that has not started. {@code ifMatch}, if sent, must name the current version. */
	ProgrammeEvent cancel(Caller caller, String programmeId, String eventId, ProgrammeEventCancellation reason,
			String ifMatch) {
		access.runBy(caller, programmeId);
		ProgrammeEvent event = access.inProgramme(programmeId, eventId);
		Versions.checkMatch(ifMatch, event.getVersion(), "programme event");
		event.cancel(reason, caller.subject(), now());
		return events.save(event);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
