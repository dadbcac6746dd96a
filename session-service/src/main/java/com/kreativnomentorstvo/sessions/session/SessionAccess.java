package com.kreativnomentorstvo.sessions.session;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.projection.PairAccess;
import com.kreativnomentorstvo.sessions.projection.Stewardship;

/**
 * A session is seen by its pair, its programme's runners and the stewards of either member
 * ({@link Stewardship}); acted on as each may. Its meeting link and venue are the pair's and their
 * stewards', its agenda and notes the pair's own. Who sees it at all follows {@link PairAccess}.
 */
@Component
public class SessionAccess extends PairAccess<Session> {

	SessionAccess(Sessions sessions, Stewardship stewardship, ProgrammeStatuses statuses) {
		super("session", sessions::findById, stewardship, statuses);
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
		return new Member(session, requireMember(caller, session));
	}

	/**
	 * As {@link #asMember}, for what changes the session (its outcome, notes, feedback): 409 naming
	 * {@code status} once its programme is ARCHIVED.
	 */
	public Member asWritingMember(Caller caller, String sessionId) {
		Member member = asMember(caller, sessionId);
		changeable(member.session());
		return member;
	}

	/**
	 * Who acts, as events name her: her enrolment that is a member of the pair, or the account id of
	 * a coordinator.
	 */
	static String actingAs(Caller caller, List<String> members) {
		return caller.asOneOf(members).orElse(caller.subject());
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
