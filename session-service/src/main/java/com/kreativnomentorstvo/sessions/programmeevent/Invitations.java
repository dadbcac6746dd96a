package com.kreativnomentorstvo.sessions.programmeevent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.retry.Conflicts;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;

/**
 * Taking part in group events: invited participants answer until an event starts, its runners
 * record who came once it has; a participant who leaves has her answers to events still to come
 * withdrawn, and an erased one is forgotten. Many write to one event at once, so each change is
 * applied to a fresh copy again when someone else wrote in between.
 */
@Service
public class Invitations {

	private final ProgrammeEvents events;

	private final ProgrammeEventAccess access;

	private final ProgrammeMembership membership;

	private final Clock clock;

	private final SessionProperties.Limits limits;

	Invitations(ProgrammeEvents events, ProgrammeEventAccess access, ProgrammeMembership membership, Clock clock,
			SessionProperties properties) {
		this.events = events;
		this.access = access;
		this.membership = membership;
		this.clock = clock;
		this.limits = properties.limits();
	}

	/** The caller's answer (or her changed answer) to an event she is invited to. */
	Rsvp answer(Caller caller, String programmeId, String eventId, Rsvp.Response response) {
		access.answerable(caller, programmeId, eventId);
		ProgrammeMembership.Member member = membership.of(caller, programmeId)
			.orElseThrow(() -> new AccessDeniedException("only invited participants answer"));
		return changing(eventId, event -> event.answer(member.participantId(), member.role(), response, now(),
				limits.rsvpsPerEvent()));
	}

	/** Who was there, as a runner of the programme records it. */
	ProgrammeEvent recordAttendance(Caller caller, String programmeId, String eventId, List<Attendance> records) {
		access.runBy(caller, programmeId);
		access.visible(caller, programmeId, eventId);
		return changing(eventId, event -> {
			event.recordAttendance(records, now(), limits.attendancePerEvent());
			return event;
		});
	}

	/** Withdraws her answers to events still to come. */
	public void participantLeft(String participantId) {
		for (ProgrammeEvent event : events.findByRsvpsParticipantId(participantId)) {
			changing(event.getId(), e -> e.withdrawAnswer(participantId, now()));
		}
	}

	/**
	 * Forgets her answers and attendance everywhere.
	 * @return how many events held any
	 */
	public int forget(String participantId) {
		int forgotten = 0;
		List<ProgrammeEvent> touched = new ArrayList<>(events.findByRsvpsParticipantId(participantId));
		touched.addAll(events.findByAttendanceParticipantId(participantId));
		for (String id : touched.stream().map(ProgrammeEvent::getId).distinct().toList()) {
			if (changing(id, e -> e.forget(participantId))) {
				forgotten++;
			}
		}
		return forgotten;
	}

	/** Reads the event, applies the change and stores it; again on a fresh copy if someone else wrote in between. */
	private <T> T changing(String eventId, Function<ProgrammeEvent, T> change) {
		return Conflicts.retry(() -> {
			ProgrammeEvent event = events.findById(eventId)
				.orElseThrow(() -> new ResourceNotFoundException("programme event", eventId));
			T result = change.apply(event);
			events.save(event);
			return result;
		});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
