package com.kreativnomentorstvo.sessions.programmeevent;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.sessions.web.Paged;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code /api/v1/programmes/{id}/events}: trainings and other group events, planned, moved or called
 * off by the programme's runners (with {@code If-Match} against lost updates), with RSVP (invited
 * participants) and attendance (runners).
 */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}/events")
class ProgrammeEventController {

	private final ProgrammeEventPlanner planner;

	private final Invitations invitations;

	private final ProgrammeEventAccess access;

	private final ProgrammeEvents events;

	private final ProgrammeMembership membership;

	ProgrammeEventController(ProgrammeEventPlanner planner, Invitations invitations, ProgrammeEventAccess access,
			ProgrammeEvents events, ProgrammeMembership membership) {
		this.planner = planner;
		this.invitations = invitations;
		this.access = access;
		this.events = events;
		this.membership = membership;
	}

	/**
	 * A group event to schedule.
	 *
	 * @param invitedRoles {@code MENTOR}, {@code MENTEE} or both (default both)
	 * @param titles its title in other languages, by language tag ({@code title} for the rest)
	 */
	record NewEvent(@NotNull ProgrammeEventKind kind, @NotBlank @Size(max = 200) @PlainText String title,
			@Size(max = 8000) @PlainText(multiline = true, allowBlank = true) String description, @NotNull String start,
			String end,
			Integer durationMinutes, @NotNull String timeZone, SessionMode mode,
			@Size(max = 2000) @PlainText(allowBlank = true) String meetingUrl,
			@Size(max = 300) @PlainText(allowBlank = true) String venue,
			List<Role> invitedRoles,
			@Size(max = 6) Map<@NotNull String, @NotBlank @Size(max = 200) @PlainText String> titles) {
	}

	@PostMapping
	ResponseEntity<EventView> schedule(Caller caller, @PathVariable String programmeId,
			@Valid @RequestBody NewEvent request) {
		ProgrammeEvent event = planner.schedule(caller, programmeId,
				new ProgrammeEventPlanner.Plan(request.kind(), request.title(), request.description(), request.start(),
						request.end(), request.durationMinutes(), request.timeZone(), request.mode(),
						request.meetingUrl(), request.venue(), request.invitedRoles(), request.titles()));
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + programmeId + "/events/" + event.getId()))
			.eTag(Versions.etag(event.getVersion()))
			.body(EventView.of(event, everyone -> true, null));
	}

	@GetMapping
	Paged<EventView> list(Caller caller, @PathVariable String programmeId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Predicate<String> whose = access.whoseAnswersSeenBy(caller, programmeId);
		ProgrammeMembership.Member member = membership.of(caller, programmeId).orElse(null);
		if (whose == null && member == null) {
			throw new ResourceNotFoundException("programme", programmeId);
		}
		if (whose != null) {
			return Paged.of(events.findByProgrammeId(programmeId, PageRequest.of(page, size, Sort.by("start", "_id"))),
					event -> EventView.of(event, whose, null));
		}
		List<EventView> invited = events.findByProgrammeId(programmeId)
			.stream()
			.filter(event -> event.invites(member.role()))
			.sorted(Comparator.comparing(ProgrammeEvent::getStart))
			.map(event -> EventView.of(event, null, member.participantId()))
			.toList();
		return Paged.slice(invited, page, size);
	}

	@GetMapping("/{eventId}")
	ResponseEntity<EventView> get(Caller caller, @PathVariable String programmeId, @PathVariable String eventId) {
		ProgrammeEvent event = access.visible(caller, programmeId, eventId);
		return ResponseEntity.ok()
			.eTag(Versions.etag(event.getVersion()))
			.body(EventView.of(event, access.whoseAnswersSeenBy(caller, programmeId),
					membership.of(caller, programmeId).map(ProgrammeMembership.Member::participantId).orElse(null)));
	}

	/** A change to a scheduled event; absent fields keep their value. */
	record EventChange(@Size(min = 1, max = 200) @PlainText String title,
			@Size(max = 8000) @PlainText(multiline = true, allowBlank = true) String description, String start,
			String end, Integer durationMinutes, String timeZone, SessionMode mode,
			@Size(max = 2000) @PlainText(allowBlank = true) String meetingUrl,
			@Size(max = 300) @PlainText(allowBlank = true) String venue,
			@Size(max = 6) Map<@NotNull String, @NotBlank @Size(max = 200) @PlainText String> titles) {
	}

	/**
	 * Moves the event or changes its title, description or place, until it starts; raises its
	 * SEQUENCE. {@code If-Match} with the ETag guards against lost updates (412 when stale).
	 */
	@PatchMapping("/{eventId}")
	ResponseEntity<EventView> reschedule(Caller caller, @PathVariable String programmeId, @PathVariable String eventId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody EventChange change) {
		ProgrammeEvent event = planner.reschedule(caller, programmeId, eventId,
				new ProgrammeEventPlanner.Change(change.title(), change.description(), change.start(), change.end(),
						change.durationMinutes(), change.timeZone(), change.mode(), change.meetingUrl(),
						change.venue(), change.titles()),
				ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(event.getVersion())).body(EventView.of(event, everyone -> true, null));
	}

	/** Why the event is called off: a code, never free text. */
	record Cancellation(@NotNull ProgrammeEventCancellation reason) {
	}

	/** Calls the event off, until it starts; answers and attendance are closed from then on. */
	@PostMapping("/{eventId}/cancel")
	ResponseEntity<EventView> cancel(Caller caller, @PathVariable String programmeId, @PathVariable String eventId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Cancellation request) {
		ProgrammeEvent event = planner.cancel(caller, programmeId, eventId, request.reason(), ifMatch);
		return ResponseEntity.ok().eTag(Versions.etag(event.getVersion())).body(EventView.of(event, everyone -> true, null));
	}

	/** Whether she comes. */
	record Answer(@NotNull Rsvp.Response response) {
	}

	@PutMapping("/{eventId}/rsvp")
	Rsvp answer(Caller caller, @PathVariable String programmeId, @PathVariable String eventId,
			@Valid @RequestBody Answer answer) {
		return invitations.answer(caller, programmeId, eventId, answer.response());
	}

	/** One participant's presence. */
	record AttendanceRecord(@NotBlank @Size(max = 100) String participantId, @NotNull Attendance.Status status) {
	}

	/** Who was there. */
	record AttendanceList(@NotEmpty @Size(max = 1000) List<@Valid AttendanceRecord> records) {
	}

	@PutMapping("/{eventId}/attendance")
	EventView attendance(Caller caller, @PathVariable String programmeId, @PathVariable String eventId,
			@Valid @RequestBody AttendanceList request) {
		List<Attendance> records = request.records()
			.stream()
			.map(r -> new Attendance(r.participantId(), r.status(), null))
			.toList();
		return EventView.of(invitations.recordAttendance(caller, programmeId, eventId, records), everyone -> true, null);
	}

	/**
	 * A group event as the API shows it: to the programme's runners with every answer and attendance
	 * record, to a partner's coordinators with those of the participants they steward, to a
	 * participant with her own answer and the counts.
	 */
	record EventView(String id, String programmeId, ProgrammeEventKind kind, ProgrammeEventStatus status,
			String title, String description, OffsetDateTime start, OffsetDateTime end, String timeZone,
			SessionMode mode, String meetingUrl, String venue, List<Role> invitedRoles, int sequence,
			ProgrammeEventCancellation cancellationReason, Instant cancelledAt, Map<Rsvp.Response, Long> answers,
			Rsvp yourAnswer,
			// null, and shown as null, for those who may not see everyone's answers and attendance
			@JsonInclude(JsonInclude.Include.ALWAYS) List<Rsvp> rsvps,
			@JsonInclude(JsonInclude.Include.ALWAYS) List<Attendance> attendance, Map<String, String> titles,
			Long version) {

		/** @param whose whose answers and attendance are listed; {@code null}: no list at all */
		static EventView of(ProgrammeEvent e, Predicate<String> whose, String viewer) {
			ZoneId zone = ZoneId.of(e.getTimeZone());
			Map<Rsvp.Response, Long> counts = e.getRsvps()
				.stream()
				.collect(Collectors.groupingBy(Rsvp::response, Collectors.counting()));
			return new EventView(e.getId(), e.getProgrammeId(), e.getKind(), e.getStatus(), e.getTitle(),
					e.getDescription(), e.getStart().atZone(zone).toOffsetDateTime(),
					e.getEnd().atZone(zone).toOffsetDateTime(), e.getTimeZone(), e.getMode(), e.getMeetingUrl(),
					e.getVenue(), e.getInvitedRoles(), e.getSequence(), e.getCancellationReason(), e.getCancelledAt(),
					counts,
					viewer == null ? null : e.answerOf(viewer).orElse(null),
					whose == null ? null : e.getRsvps().stream().filter(r -> whose.test(r.participantId())).toList(),
					whose == null ? null
							: e.getAttendance().stream().filter(a -> whose.test(a.participantId())).toList(),
					e.getTitles().isEmpty() ? null : e.getTitles(), e.getVersion());
		}

	}

}
