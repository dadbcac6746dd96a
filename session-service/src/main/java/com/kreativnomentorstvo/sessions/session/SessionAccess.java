package com.kreativnomentorstvo.sessions.session;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/** A session is seen by its pair and its programme's coordinators; acted on as each may. */
@Component
public class SessionAccess {

	private final Sessions sessions;

	private final ProgrammeDirectory programmes;

	SessionAccess(Sessions sessions, ProgrammeDirectory programmes) {
		this.sessions = sessions;
		this.programmes = programmes;
	}

	/** The session, if the caller may see it; otherwise 404. */
	public Session visible(Caller caller, String sessionId) {
		Session session = sessions.findById(sessionId).orElse(null);
		if (session == null || !canSee(caller, session)) {
			throw new ResourceNotFoundException("session", sessionId);
		}
		return session;
	}

	/** The session, if the caller is one of its pair (403 for its coordinators, 404 for others). */
	public Session asMember(Caller caller, String sessionId) {
		Session session = visible(caller, sessionId);
		if (!session.hasMember(caller.participantId())) {
			throw new AccessDeniedException("only the pair itself may do this");
		}
		return session;
	}

	public boolean canSee(Caller caller, Session session) {
		return session.hasMember(caller.participantId()) || coordinates(caller, session);
	}

	public boolean coordinates(Caller caller, Session session) {
		return programmes.coordinates(caller, session.getProgrammeId(), session.getOrganisationId());
	}

}
