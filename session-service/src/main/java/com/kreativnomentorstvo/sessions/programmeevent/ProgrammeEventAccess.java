package com.kreativnomentorstvo.sessions.programmeevent;

import java.util.function.Predicate;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * Who may do what with a programme's group events: its runners (the organiser's coordinators and
 * administrators) plan them and record attendance; its partners' coordinators and the invited
 * roles see them; everyone else gets 404. Once the programme is ARCHIVED they are read-only: no
 * planning, answer or attendance changes (409 naming {@code status}).
 */
@Component
public class ProgrammeEventAccess {

	private final ProgrammeEvents events;

	private final ProgrammeDirectory programmes;

	private final ProgrammeMembership membership;

	private final Stewardship stewardship;

	private final ProgrammeStatuses statuses;

	ProgrammeEventAccess(ProgrammeEvents events, ProgrammeDirectory programmes, ProgrammeMembership membership,
			Stewardship stewardship, ProgrammeStatuses statuses) {
		this.events = events;
		this.programmes = programmes;
		this.membership = membership;
		this.stewardship = stewardship;
		this.statuses = statuses;
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

	/**
	 * As {@link #visible}, for an answer to the event: 409 naming {@code status} once its programme is
	 * ARCHIVED.
	 */
	ProgrammeEvent answerable(Caller caller, String programmeId, String eventId) {
		ProgrammeEvent event = visible(caller, programmeId, eventId);
		statuses.requireChangeable(programmeId);
		return event;
	}

	/**
	 * The programme, if the caller runs it (plans its trainings and records attendance): 403 for
	 * its partners' coordinators and its participants, 404 for everyone else; 409 naming
	 * {@code status} once it is ARCHIVED.
	 */
	Programme runBy(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (!stewardship.runs(caller, programmeId, null)) {
			if (coordinates(caller, programmeId) || membership.of(caller, programmeId).isPresent()) {
				throw new AccessDeniedException("only the programme's organiser plans its events");
			}
			throw new ResourceNotFoundException("programme", programmeId);
		}
		statuses.requireChangeable(programme);
		return programme;
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

	/** The event, if it belongs to the programme; otherwise 404. */
	ProgrammeEvent inProgramme(String programmeId, String eventId) {
		return events.findById(eventId)
			.filter(e -> e.getProgrammeId().equals(programmeId))
			.orElseThrow(() -> new ResourceNotFoundException("programme event", eventId));
	}

}
