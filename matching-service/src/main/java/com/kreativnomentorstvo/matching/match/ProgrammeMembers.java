package com.kreativnomentorstvo.matching.match;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.matching.projection.Participant;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** The active mentors and mentees of a programme, as a request names them. */
@Component
class ProgrammeMembers {

	private final Participants participants;

	ProgrammeMembers(Participants participants) {
		this.participants = participants;
	}

	/** @throws InvalidFieldsException naming the field unless she is an active mentee of the programme */
	Participant mentee(Programme programme, String participantId, String field) {
		return member(programme, participantId, true, field);
	}

	/** @throws InvalidFieldsException naming the field unless she is an active mentor of the programme */
	Participant mentor(Programme programme, String participantId, String field) {
		return member(programme, participantId, false, field);
	}

	private Participant member(Programme programme, String participantId, boolean mentee, String field) {
		Participant participant = participants.findById(participantId)
			.filter(p -> programme.id().equals(p.getProgrammeId()) && p.isActive())
			.orElseThrow(() -> new InvalidFieldsException(field, ProblemText.of("match.not-programme-participant")));
		if (mentee != participant.isMentee()) {
			throw new InvalidFieldsException(field, ProblemText.of(mentee ? "match.not-a-mentee" : "match.not-a-mentor"));
		}
		return participant;
	}

}
