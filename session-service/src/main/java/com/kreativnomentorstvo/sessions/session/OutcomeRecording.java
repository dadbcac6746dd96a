package com.kreativnomentorstvo.sessions.session;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;

/** A member of the pair records what happened to a session that was due, with her notes. */
@Service
class OutcomeRecording {

	private final Sessions sessions;

	private final Mentorships mentorships;

	private final SessionAccess access;

	private final Clock clock;

	OutcomeRecording(Sessions sessions, Mentorships mentorships, SessionAccess access, Clock clock) {
		this.sessions = sessions;
		this.mentorships = mentorships;
		this.access = access;
		this.clock = clock;
	}

	/** Records that the session took place, or that somebody did not come ({@code absent}). */
	Session record(Caller caller, String sessionId, Session.Outcome outcome, Absence absent, String sharedNote,
			String privateNote) {
		SessionAccess.Member member = access.asMember(caller, sessionId);
		Session session = member.session();
		Mentorship mentorship = mentorships.findById(session.getMentorshipId())
			.orElseThrow(() -> new ResourceNotFoundException("mentorship", session.getMentorshipId()));
		session.recordOutcome(mentorship, outcome, absent, member.participantId(), clock.instant(), sharedNote,
				privateNote);
		return sessions.save(session);
	}

}
