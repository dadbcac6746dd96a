package com.kreativnomentorstvo.matching;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.matching.match.ClosingWithProgramme;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;

/**
 * A programme moved to another status: the projection keeps it (no new matching from CLOSING on,
 * nothing changes once ARCHIVED), and when it is CLOSED its running mentorships end, except the
 * extended ones. Each step is idempotent, so a redelivered event ends nothing twice.
 */
@Service
class Closings {

	private final ProgrammeStatuses statuses;

	private final ClosingWithProgramme closing;

	Closings(ProgrammeStatuses statuses, ClosingWithProgramme closing) {
		this.statuses = statuses;
		this.closing = closing;
	}

	void statusChanged(ProgrammeStatusChanged event) {
		statuses.changed(event);
		if (event.to() == ProgrammeStatus.CLOSED) {
			closing.programmeClosed(event.programmeId());
		}
	}

}
