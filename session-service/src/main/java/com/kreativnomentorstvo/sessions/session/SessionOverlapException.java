package com.kreativnomentorstvo.sessions.session;

import java.time.Instant;

import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/** The time asked for overlaps another session of the mentor or the mentee (409, naming it). */
public class SessionOverlapException extends ConflictException {

	private final String conflictingSessionId;

	private final String participantId;

	private final Instant conflictStart;

	private final Instant conflictEnd;

	SessionOverlapException(String participantId, String conflictingSessionId, Instant conflictStart,
			Instant conflictEnd, String whose) {
		super("session-overlap",
				ProblemText.of("session.overlap." + whose, conflictingSessionId, conflictStart, conflictEnd));
		this.conflictingSessionId = conflictingSessionId;
		this.participantId = participantId;
		this.conflictStart = conflictStart;
		this.conflictEnd = conflictEnd;
	}

	public String conflictingSessionId() {
		return conflictingSessionId;
	}

	public String participantId() {
		return participantId;
	}

	public Instant conflictStart() {
		return conflictStart;
	}

	public Instant conflictEnd() {
		return conflictEnd;
	}

}
