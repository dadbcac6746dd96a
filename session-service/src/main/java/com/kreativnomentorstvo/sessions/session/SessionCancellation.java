package com.kreativnomentorstvo.sessions.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipClosed;

/**
 * Calls sessions off: on the request of a member or a coordinator, and, once a pair has ended,
 * every session it had planned after its end. The time they held is let go (see {@link TimeClaims}).
 */
@Service
class SessionCancellation {

	private final Sessions sessions;

	private final SessionAccess access;

	private final TimeClaims claims;

	private final Clock clock;

	SessionCancellation(Sessions sessions, SessionAccess access, TimeClaims claims, Clock clock) {
		this.sessions = sessions;
		this.access = access;
		this.claims = claims;
		this.clock = clock;
	}

	/** Cancels a scheduled session for the reason the caller gives. */
	Session cancel(Caller caller, String sessionId, CancellationReason reason) {
		Session.requireReasonOfAPerson(reason);
		Session session = access.writable(caller, sessionId);
		session.cancel(reason, SessionAccess.actingAs(caller, session.members()), clock.instant());
		Session saved = sessions.save(session);
		claims.releaseQuietly(saved);
		return saved;
	}

	/** A pair that has ended meets no more: its sessions after the end are called off. */
	@EventListener
	public void mentorshipClosed(MentorshipClosed closed) {
		Instant endedAt = closed.endedAt() == null ? clock.instant() : closed.endedAt();
		for (Session session : sessions.findByMentorshipIdAndStatusAndStartAfter(closed.mentorshipId(),
				SessionStatus.SCHEDULED, endedAt)) {
			session.callOffAfterPairEnded(clock.instant());
			Session saved = sessions.save(session);
			claims.releaseQuietly(saved);
		}
	}

}
