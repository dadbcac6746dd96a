package com.kreativnomentorstvo.sessions.session;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * A session is seen by its pair, its programme's runners and the stewards of either member
 * ({@link Stewardship}); acted on as each may. Its meeting link and venue are the pair's and their
 * stewards', its agenda and notes the pair's own.
 */
@Component
public class SessionAccess {

	private final Sessions sessions;

	private final Stewardship stewardship;

	SessionAccess(Sessions sessions, Stewardship stewardship) {
		this.sessions = sessions;
		this.stewardship = stewardship;
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

	/**
	 * Who acts, as events name her: her enrolment that is a member of the pair, or the account id of
	 * a coordinator.
	 */
	static String actingAs(Caller caller, List<String> members) {
		return caller.asOneOf(members).orElse(caller.subject());
	}

	/** Which of the caller's enrolments is in the session's pair, if any (none for coordinators). */
	public Optional<String> memberOf(Caller caller, Session session) {
		return caller.asOneOf(session.members());
	}

	public boolean canSee(Caller caller, Session session) {
		return memberOf(caller, session).isPresent() || runs(caller, session) || stewards(caller, session);
	}

	/** Whether the caller runs the session's programme. */
	public boolean runs(Caller caller, Session session) {
		return stewardship.runs(caller, session.getProgrammeId(), session.getOrganisationId());
	}

	/** Whether the caller stewards either member of the session's pair. */
	public boolean stewards(Caller caller, Session session) {
		return stewardship.stewardsAnyOf(caller, session.members());
	}

	/** How much of the session the caller sees. */
	public Visibility visibility(Caller caller, Session session) {
		if (memberOf(caller, session).isPresent()) {
			return Visibility.MEMBER;
		}
		return stewards(caller, session) ? Visibility.STEWARD : Visibility.TIMES;
	}

	/** How much of a session a caller sees. */
	public enum Visibility {

		/** A member of the pair: everything she may read, her agenda and notes included. */
		MEMBER,

		/** A steward of a member: also where the pair meets (meeting link, venue). */
		STEWARD,

		/** Anyone else who may see it: when and how the pair meets, not where. */
		TIMES;

		/** Whether the meeting link and the venue are shown. */
		public boolean showsPlace() {
			return this != TIMES;
		}

	}

}
