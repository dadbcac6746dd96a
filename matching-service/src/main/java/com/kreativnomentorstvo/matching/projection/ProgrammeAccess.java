package com.kreativnomentorstvo.matching.projection;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see what, by the tenancy model of a shared programme. The programme's runners
 * (administrators and its organiser's coordinators) run the matching and see every match; a
 * participant's steward (her organisation's coordinators if it organises or partners in the
 * programme, otherwise the organiser's) sees the matches she is in; the partners' coordinators see
 * the programme itself; a mentor or mentee sees every programme one of her enrolments is in, but
 * only her own things in it. Anything else does not exist for the caller (404).
 */
@Component
public class ProgrammeAccess {

	private final ProgrammeDirectory programmes;

	private final Participants participants;

	private final ProgrammeStatuses statuses;

	ProgrammeAccess(ProgrammeDirectory programmes, Participants participants, ProgrammeStatuses statuses) {
		this.programmes = programmes;
		this.participants = participants;
		this.statuses = statuses;
	}

	/** The programme, if the service knows it (whoever asks). */
	public Optional<Programme> find(String programmeId) {
		return programmes.find(programmeId);
	}

	/**
	 * The programme, if the caller runs it (matching runs, publishing, manual matches); 403 for its
	 * partners' coordinators and its own participants, 404 for everyone else.
	 */
	public Programme run(Caller caller, String programmeId) {
		Programme programme = visible(caller, programmeId);
		if (!runs(caller, programme)) {
			throw new AccessDeniedException("only the programme's organiser runs its matching");
		}
		return programme;
	}

	/**
	 * The programme, if the caller runs it and it still takes new matches (runs, publications,
	 * manual matches): not once it is CLOSING or later.
	 * @throws ConflictException naming {@code status} (409) once it is CLOSING, CLOSED or ARCHIVED
	 */
	public Programme runForMatching(Caller caller, String programmeId) {
		Programme programme = run(caller, programmeId);
		requireMatching(programme);
		return programme;
	}

	/**
	 * Refuses new matches in a programme that is CLOSING or later.
	 * @throws ConflictException naming {@code status}
	 */
	public void requireMatching(Programme programme) {
		ProgrammeStatus status = statuses.of(programme);
		if (status != null && status.compareTo(ProgrammeStatus.CLOSING) >= 0) {
			throw new ConflictException("programme-closing", ProblemText.of("programme.no-new-matches", status),
					"status");
		}
	}

	/**
	 * Refuses to start a mentorship (the last accept of a proposal) in a programme that is CLOSED or
	 * ARCHIVED: its mentorships have ended, and a new one would outlive it.
	 * @throws ConflictException naming {@code status}
	 */
	public void requireRunning(Programme programme) {
		ProgrammeStatus status = statuses.of(programme);
		if (status != null && status.compareTo(ProgrammeStatus.CLOSED) >= 0) {
			throw new ConflictException("programme-closed", ProblemText.of("programme.closed", status), "status");
		}
	}

	/**
	 * Refuses any change in an archived programme, which is read-only.
	 * @throws ConflictException naming {@code status}
	 */
	public void requireChangeable(Programme programme) {
		statuses.requireChangeable(programme);
	}

	/** The programme's status as announced, or {@code null} if it never was. */
	public ProgrammeStatus statusOf(Programme programme) {
		return statuses.of(programme);
	}

	/** The programme, if the caller coordinates it or takes part in it; 404 otherwise. */
	public Programme visible(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (programme.coordinatedBy(caller) || isEnrolledIn(caller, programmeId)) {
			return programme;
		}
		throw new ResourceNotFoundException("programme", programmeId);
	}

	/** Whether the caller runs the programme: administrators and the organiser's coordinators. */
	public boolean runs(Caller caller, Programme programme) {
		return caller.coordinatesFor(List.of(programme.organiserId()));
	}

	/** Whether the caller runs the programme (false if it is unknown, unless she administers). */
	public boolean runs(Caller caller, String programmeId) {
		return caller.isAdmin() || programmes.find(programmeId).map(p -> runs(caller, p)).orElse(false);
	}

	/**
	 * The tenancy rule, in one place: the organisation that stewards a participant of the programme
	 * who belongs to the given organisation — that organisation if it organises or partners in the
	 * programme, otherwise the organiser.
	 */
	public static String stewardOf(Programme programme, String organisationId) {
		return organisationId != null && programme.organisations().contains(organisationId) ? organisationId
				: programme.organiserId();
	}

	/** Whether the caller stewards the participant: administrators and her steward's coordinators. */
	public boolean stewards(Caller caller, Participant participant) {
		if (caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator() || participant == null) {
			return false;
		}
		return programmes.find(participant.getProgrammeId())
			.map(programme -> caller.coordinatesFor(List.of(stewardOf(programme, participant.getOrganisationId()))))
			.orElse(false);
	}

	/** Whether the caller stewards one of the participants (by id). */
	public boolean stewardsAnyOf(Caller caller, Collection<String> participantIds) {
		if (caller.isAdmin()) {
			return true;
		}
		if (!caller.isCoordinator()) {
			return false;
		}
		return participants.findAllById(participantIds).stream().anyMatch(p -> stewards(caller, p));
	}

	/** The participants of the programme the caller stewards (her organisation's share of it). */
	public Set<String> stewardedIn(Caller caller, Programme programme) {
		Set<String> stewarded = new LinkedHashSet<>();
		if (!caller.isCoordinator() || caller.organisationId() == null) {
			return stewarded;
		}
		for (Participant participant : participants.findByProgrammeId(programme.id())) {
			if (caller.organisationId().equals(stewardOf(programme, participant.getOrganisationId()))) {
				stewarded.add(participant.getId());
			}
		}
		return stewarded;
	}

	/**
	 * A participant the caller may act on or look into: herself, or anyone of a programme she runs
	 * or whom she stewards. Erased participants do not exist any more.
	 */
	public Participant participant(Caller caller, String participantId) {
		Participant participant = participants.findById(participantId)
			.filter(p -> !p.isErased())
			.orElseThrow(() -> new ResourceNotFoundException("participant", participantId));
		if (caller.is(participantId) || runs(caller, participant.getProgrammeId()) || stewards(caller, participant)) {
			return participant;
		}
		throw new ResourceNotFoundException("participant", participantId);
	}

	/**
	 * A participant whose personal data the caller may read: herself, her steward's coordinators and
	 * administrators (not the programme's runners as such). 404 for anyone else, and once she is erased.
	 */
	public Participant personalDataOf(Caller caller, String participantId) {
		Participant participant = participants.findById(participantId)
			.filter(p -> !p.isErased())
			.orElseThrow(() -> new ResourceNotFoundException("participant", participantId));
		if (caller.is(participantId) || stewards(caller, participant)) {
			return participant;
		}
		throw new ResourceNotFoundException("participant", participantId);
	}

	/** Whether one of the caller's enrolments is in the programme. */
	private boolean isEnrolledIn(Caller caller, String programmeId) {
		if (!caller.isParticipant()) {
			return false;
		}
		for (Participant enrolment : participants.findAllById(caller.participantIds())) {
			if (!enrolment.isErased() && programmeId.equals(enrolment.getProgrammeId())) {
				return true;
			}
		}
		return false;
	}

}
