package com.kreativnomentorstvo.matching.projection;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see what: coordinators of a programme's organiser or partner organisations (and admins)
 * see the programme and everything in it (the platform's {@link Programme#coordinatedBy} rule); a
 * mentor or mentee sees every programme one of her enrolments is in, but only her own things in it.
 * Anything else does not exist for the caller (404).
 */
@Component
public class ProgrammeAccess {

	private final ProgrammeDirectory programmes;

	private final Participants participants;

	ProgrammeAccess(ProgrammeDirectory programmes, Participants participants) {
		this.programmes = programmes;
		this.participants = participants;
	}

	/** The programme, if the service knows it (whoever asks). */
	public Optional<Programme> find(String programmeId) {
		return programmes.find(programmeId);
	}

	/** The programme, if the caller coordinates it; 403 for its own participants, 404 for everyone else. */
	public Programme coordinated(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (programme.coordinatedBy(caller)) {
			return programme;
		}
		if (isEnrolledIn(caller, programmeId)) {
			throw new AccessDeniedException("only the programme's coordinators may do this");
		}
		throw new ResourceNotFoundException("programme", programmeId);
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

	/** Whether the caller coordinates the programme (false if it is unknown). */
	public boolean coordinates(Caller caller, String programmeId) {
		return programmes.coordinatedBy(caller, programmeId).isPresent();
	}

	/**
	 * A participant the caller may act on: herself, or anyone in a programme she coordinates.
	 * Erased participants do not exist any more.
	 */
	public Participant participant(Caller caller, String participantId) {
		Participant participant = participants.findById(participantId)
			.filter(p -> !p.isErased())
			.orElseThrow(() -> new ResourceNotFoundException("participant", participantId));
		if (caller.is(participantId) || coordinates(caller, participant.getProgrammeId())) {
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
