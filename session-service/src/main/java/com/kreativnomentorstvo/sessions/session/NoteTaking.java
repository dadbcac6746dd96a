package com.kreativnomentorstvo.sessions.session;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.security.Caller;

/**
 * The pair's notes on sessions that took place: each member writes her own shared and private
 * note; everything a participant wrote is removed when she is erased.
 */
@Service
public class NoteTaking {

	private final Sessions sessions;

	private final SessionAccess access;

	private final Clock clock;

	NoteTaking(Sessions sessions, SessionAccess access, Clock clock) {
		this.sessions = sessions;
		this.access = access;
		this.clock = clock;
	}

	/** Sets the caller's own shared and private note; an absent one stays, an empty text removes it. */
	Session write(Caller caller, String sessionId, String sharedNote, String privateNote) {
		SessionAccess.Member member = access.asWritingMember(caller, sessionId);
		Session session = member.session();
		session.writeNotes(member.participantId(), sharedNote, privateNote, clock.instant());
		return sessions.save(session);
	}

	/**
	 * Removes every note the participant wrote, shared and private; the other member's stay.
	 * @return how many notes were removed
	 */
	public int eraseNotesOf(String participantId) {
		int erased = 0;
		for (Session session : sessions.findWithMember(participantId)) {
			int inThisSession = session.eraseNotesOf(participantId);
			if (inThisSession > 0) {
				sessions.save(session);
				erased += inThisSession;
			}
		}
		return erased;
	}

}
