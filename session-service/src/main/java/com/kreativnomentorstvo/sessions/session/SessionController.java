package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.util.List;

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

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;
import com.kreativnomentorstvo.sessions.projection.Directory;
import com.kreativnomentorstvo.sessions.web.Paged;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sessions of a pair: {@code /api/v1/mentorships/{id}/sessions} and {@code /api/v1/sessions/{id}}. */
@RestController
@RequestMapping("/api/v1")
class SessionController {

	private final SessionBooking booking;

	private final SessionRescheduling rescheduling;

	private final SessionCancellation cancellation;

	private final OutcomeRecording outcomes;

	private final NoteTaking notes;

	private final SessionAccess access;

	private final MentorshipAccess mentorshipAccess;

	private final Sessions sessions;

	private final Directory directory;

	SessionController(SessionBooking booking, SessionRescheduling rescheduling, SessionCancellation cancellation,
			OutcomeRecording outcomes, NoteTaking notes, SessionAccess access, MentorshipAccess mentorshipAccess,
			Sessions sessions, Directory directory) {
		this.booking = booking;
		this.rescheduling = rescheduling;
		this.cancellation = cancellation;
		this.outcomes = outcomes;
		this.notes = notes;
		this.access = access;
		this.mentorshipAccess = mentorshipAccess;
		this.sessions = sessions;
		this.directory = directory;
	}

	/**
	 * A session to book.
	 *
	 * @param start local date-time in {@code timeZone}, e.g. {@code 2026-10-25T18:00}
	 * @param end instead of {@code durationMinutes}
	 * @param mode {@code ONLINE} (default: a meeting room is made) or {@code IN_PERSON} (needs {@code venue})
	 * @param meetingUrl an https link of the pair's own room instead of a generated one
	 * @param weeklyOccurrences book a weekly series at the same local time (default 1)
	 */
	record NewSession(@NotNull String start, String end, Integer durationMinutes, @NotNull String timeZone,
			SessionMode mode, @Size(max = 2000) @PlainText(allowBlank = true) String meetingUrl,
			@Size(max = 300) @PlainText(allowBlank = true) String venue,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String agenda, Integer weeklyOccurrences) {
	}

	@PostMapping("/mentorships/{mentorshipId}/sessions")
	ResponseEntity<SessionView> schedule(Caller caller, @PathVariable String mentorshipId,
			@Valid @RequestBody NewSession request) {
		List<Session> booked = booking.book(caller, mentorshipId,
				new SessionBooking.Request(request.start(), request.end(), request.durationMinutes(),
						request.timeZone(), request.mode(), request.meetingUrl(), request.venue(), request.agenda(),
						request.weeklyOccurrences()));
		Session first = booked.get(0);
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + first.getId()))
			.eTag(String.valueOf(first.getVersion()))
			.body(view(first, caller));
	}

	@GetMapping("/mentorships/{mentorshipId}/sessions")
	Paged<SessionView> list(Caller caller, @PathVariable String mentorshipId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		mentorshipAccess.visible(caller, mentorshipId);
		return Paged.of(sessions.findByMentorshipId(mentorshipId, PageRequest.of(page, size, Sort.by("start", "_id"))),
				session -> view(session, caller));
	}

	@GetMapping("/sessions/{id}")
	ResponseEntity<SessionView> get(Caller caller, @PathVariable String id) {
		Session session = access.visible(caller, id);
		return ResponseEntity.ok().eTag(String.valueOf(session.getVersion())).body(view(session, caller));
	}

	/** A change to a scheduled session; absent fields keep their value. */
	record SessionChange(String start, String end, Integer durationMinutes, String timeZone, SessionMode mode,
			@Size(max = 2000) @PlainText(allowBlank = true) String meetingUrl,
			@Size(max = 300) @PlainText(allowBlank = true) String venue,
			@Size(max = 4000) @PlainText(multiline = true, allowBlank = true) String agenda) {
	}

	/** Reschedules (or changes place or agenda); {@code If-Match} with the ETag guards against lost updates. */
	@PatchMapping("/sessions/{id}")
	ResponseEntity<SessionView> change(Caller caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody SessionChange change) {
		Session session = rescheduling.change(caller, id,
				new SessionRescheduling.Request(change.start(), change.end(), change.durationMinutes(), change.timeZone(),
						change.mode(), change.meetingUrl(), change.venue(), change.agenda()),
				version(ifMatch));
		return ResponseEntity.ok().eTag(String.valueOf(session.getVersion())).body(view(session, caller));
	}

	/** Why the session is called off; {@code MENTORSHIP_ENDED} is the service's own. */
	record Cancellation(@NotNull CancellationReason reason) {
	}

	@PostMapping("/sessions/{id}/cancel")
	SessionView cancel(Caller caller, @PathVariable String id, @Valid @RequestBody Cancellation request) {
		return view(cancellation.cancel(caller, id, request.reason()), caller);
	}

	/**
	 * What happened.
	 *
	 * @param outcome {@code HELD} (default) or {@code NO_SHOW}
	 * @param absent for a no-show: {@code MENTOR}, {@code MENTEE} or {@code BOTH}
	 * @param sharedNotes read by both members of the pair
	 * @param privateNotes read by their author only
	 */
	record Held(Session.Outcome outcome, Absence absent, @Size(max = 20000) String sharedNotes,
			@Size(max = 20000) String privateNotes) {
	}

	@PostMapping("/sessions/{id}/held")
	SessionView held(Caller caller, @PathVariable String id, @Valid @RequestBody Held request) {
		Session.Outcome outcome = request.outcome() == null ? Session.Outcome.HELD : request.outcome();
		return view(outcomes.record(caller, id, outcome, request.absent(), request.sharedNotes(),
				request.privateNotes()), caller);
	}

	/** The caller's notes; absent fields stay, an empty text removes the note. */
	record Notes(@Size(max = 20000) String sharedNotes, @Size(max = 20000) String privateNotes) {
	}

	@PutMapping("/sessions/{id}/notes")
	SessionView notes(Caller caller, @PathVariable String id, @Valid @RequestBody Notes request) {
		return view(notes.write(caller, id, request.sharedNotes(), request.privateNotes()), caller);
	}

	private SessionView view(Session session, Caller caller) {
		return SessionView.of(session, access.memberOf(caller, session).orElse(null),
				access.visibility(caller, session), directory.timeZones(List.of(session.getMentorId(),
						session.getMenteeId())));
	}

	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.valueOf(tag);
		}
		catch (NumberFormatException notOurs) {
			throw new InvalidFieldsException("If-Match", ProblemText.of("session.not-an-etag"));
		}
	}

}
