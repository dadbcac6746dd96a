package com.kreativnomentorstvo.sessions.survey;

import java.util.function.Predicate;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.programmeevent.ProgrammeMembership;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * Who may do what with a programme's surveys: its runners (the organiser's coordinators and
 * administrators) define them, as they plan its group events; its coordinators (organiser and
 * partners) read them and their results, a partner's the share of the participants it stewards;
 * a text answer is shown to its author's stewards only. Everyone else gets 404, the programme's
 * partners and participants 403 where they would change one. An ARCHIVED programme's surveys are
 * read-only (409 naming {@code status}).
 */
@Component
class SurveyAccess {

	private final ProgrammeDirectory programmes;

	private final Stewardship stewardship;

	private final ProgrammeMembership membership;

	private final ProgrammeStatuses statuses;

	SurveyAccess(ProgrammeDirectory programmes, Stewardship stewardship, ProgrammeMembership membership,
			ProgrammeStatuses statuses) {
		this.programmes = programmes;
		this.stewardship = stewardship;
		this.membership = membership;
		this.statuses = statuses;
	}

	/**
	 * The programme, if the caller runs it and it takes changes (defining, revising, deleting its
	 * surveys): 403 for its partners' coordinators and participants, else 404; 409 once it is ARCHIVED.
	 */
	Programme runBy(Caller caller, String programmeId) {
		Programme programme = programmes.find(programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
		if (!stewardship.runs(caller, programmeId, null)) {
			if (programmes.coordinates(caller, programmeId, null) || membership.of(caller, programmeId).isPresent()) {
				throw new AccessDeniedException("only the programme's organiser defines its surveys");
			}
			throw new ResourceNotFoundException("programme", programmeId);
		}
		statuses.requireChangeable(programme);
		return programme;
	}

	/** The programme, if the caller coordinates it (organiser or partner); otherwise 404. */
	Programme readBy(Caller caller, String programmeId) {
		return programmes.coordinatedBy(caller, programmeId)
			.orElseThrow(() -> new ResourceNotFoundException("programme", programmeId));
	}

	/**
	 * Whose answers the caller counts: everyone's for the runners, her stewarded participants' for a
	 * partner's coordinator (the progress report's rule); 404 for anyone else.
	 */
	Predicate<String> whoseAnswersCounted(Caller caller, String programmeId) {
		readBy(caller, programmeId);
		return stewardship.runs(caller, programmeId, null) ? participantId -> true : stewardship.stewardedBy(caller);
	}

	/** Whose written answers the caller reads: those of the participants she stewards. */
	Predicate<String> whoseTextsRead(Caller caller) {
		return stewardship.stewardedBy(caller);
	}

}
