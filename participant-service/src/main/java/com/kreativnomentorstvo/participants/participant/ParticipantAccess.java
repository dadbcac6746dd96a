package com.kreativnomentorstvo.participants.participant;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.programme.ProgrammeAccess;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * Who may see and act on which participant: she herself; the coordinators of her programme's
 * organiser and partners; administrators. Anyone else gets 404, as if she did not exist.
 */
@Component
public class ParticipantAccess {

	private final Participants participants;

	private final ProgrammeAccess programmes;

	ParticipantAccess(Participants participants, ProgrammeAccess programmes) {
		this.participants = participants;
		this.programmes = programmes;
	}

	/**
	 * The participant if the caller is she or coordinates her programme; 404 otherwise, once she is
	 * erased, and while her application waits for her to confirm her address (it does not count yet).
	 */
	public Participant readableBy(Caller caller, String id) {
		return participants.findById(id)
			.filter(participant -> !participant.isErased())
			.filter(participant -> participant.getPending() != Pending.ADDRESS_CONFIRMATION)
			.filter(participant -> isSelf(caller, participant) || coordinates(caller, participant))
			.orElseThrow(() -> new ResourceNotFoundException("participant", id));
	}

	/** The participant if the caller coordinates her programme; 403 for herself, 404 for anyone else. */
	public Participant coordinatedBy(Caller caller, String id) {
		Participant participant = readableBy(caller, id);
		if (!coordinates(caller, participant)) {
			throw new AccessDeniedException("only the programme's coordinators may do this");
		}
		return participant;
	}

	/** Like {@link #readableBy} but also finds her erased record, so that erasing twice is harmless. */
	public Participant erasableBy(Caller caller, String id) {
		return participants.findById(id)
			.filter(participant -> isSelf(caller, participant) || coordinates(caller, participant))
			.orElseThrow(() -> new ResourceNotFoundException("participant", id));
	}

	/** Whether the participant is one of the caller's enrolments (her record belongs to the caller's account). */
	public boolean isSelf(Caller caller, Participant participant) {
		return caller.is(participant.getId());
	}

	/** Whether the caller administers the platform or coordinates the participant's programme. */
	public boolean coordinates(Caller caller, Participant participant) {
		if (caller.isAdmin()) {
			return true;
		}
		return caller.isCoordinator()
				&& programmes.coordinates(caller, programmes.existing(participant.getProgrammeId()));
	}

}
