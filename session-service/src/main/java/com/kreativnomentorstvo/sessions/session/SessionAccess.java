package com.kreativnomentorstvo.sessions.session;

import java.util.Optional;

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

	/** A session, and which of the caller's enrolments is in its pair. */
	public record Member(Session session, String participantId) {
	}

	/**
	 * The session, if one of the caller's enrolments is in its pair, with that enrolment (403 for its
	 * coordinators, 404 for others).
	 */
	public Member asMember(Caller caller, String sessionId) {
		Session session = visible(caller, sessionId);
		String participantId = caller.asOneOf(session.members())
			.orElseThrow(() -> new AccessDeniedException("only the pair itself may do this"));
		return new Member(session, participantId);
	}

	/** Which of the caller's enrolments is in the session's pair, if any (none for coordinators). */
	public Optional<String> memberOf(Caller caller, Session session) {
		return caller.asOneOf(session.members());
	}

	public boolean canSee(Caller caller, Session session) {
		return memberOf(caller, session).isPresent() || coordinates(caller, session);
	}

	public boolean coordinates(Caller caller, Session session) {
		return programmes.coordinates(caller, session.getProgrammeId(), session.getOrganisationId());
	}

}
