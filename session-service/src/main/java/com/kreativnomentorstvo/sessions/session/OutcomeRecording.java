package com.kreativnomentorstvo.sessions.session;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.sessions.SessionHeld;

import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;

/**
 * A member of the pair records what happened to a session that was due, with her notes. Once the
 * session is stored as held, its {@link SessionHeld} is also announced inside the service (features
 * that follow a held session, such as surveys, listen for it), after the write.
 */
@Service
class OutcomeRecording {

	private final Sessions sessions;

	private final Mentorships mentorships;

	private final SessionAccess access;

	private final ApplicationEventPublisher inProcess;

	private final Clock clock;

	OutcomeRecording(Sessions sessions, Mentorships mentorships, SessionAccess access,
			ApplicationEventPublisher inProcess, Clock clock) {
		this.sessions = sessions;
		this.mentorships = mentorships;
		this.access = access;
		this.inProcess = inProcess;
		this.clock = clock;
	}

	/** Records that the session took place, or that somebody did not come ({@code absent}). */
	Session record(Caller caller, String sessionId, Session.Outcome outcome, Absence absent, String sharedNote,
			String privateNote) {
		SessionAccess.Member member = access.asWritingMember(caller, sessionId);
		Session session = member.session();
		Mentorship mentorship = mentorships.findById(session.getMentorshipId())
			.orElseThrow(() -> new ResourceNotFoundException("mentorship", session.getMentorshipId()));
		session.recordOutcome(mentorship, outcome, absent, member.participantId(), clock.instant(), sharedNote,
				privateNote);
		List<SessionHeld> held = session.recordedEvents()
			.stream()
			.filter(SessionHeld.class::isInstance)
			.map(SessionHeld.class::cast)
			.toList();
		Session saved = sessions.save(session);
		held.forEach(inProcess::publishEvent);
		return saved;
	}

}
