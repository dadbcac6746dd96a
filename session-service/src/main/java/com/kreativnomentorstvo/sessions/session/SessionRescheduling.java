package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;

/**
 * Moves a scheduled session or changes its place or agenda, raising its SEQUENCE. A new time is
 * claimed in the pair's schedules before the session is stored, and the old one let go after (see
 * {@link TimeClaims}); a full schedule never stops a session from moving.
 */
@Service
class SessionRescheduling {

	private final Sessions sessions;

	private final Mentorships mentorships;

	private final SessionAccess access;

	private final TimeClaims claims;

	private final MeetingRooms rooms;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	SessionRescheduling(Sessions sessions, Mentorships mentorships, SessionAccess access, TimeClaims claims,
			MeetingRooms rooms, Clock clock, SessionProperties properties) {
		this.sessions = sessions;
		this.mentorships = mentorships;
		this.access = access;
		this.claims = claims;
		this.rooms = rooms;
		this.clock = clock;
		this.settings = properties.scheduling();
	}

	/** A change as asked for; absent fields keep their value. */
	record Request(String start, String end, Integer durationMinutes, String timeZone, SessionMode mode,
			String meetingUrl, String venue, String agenda) {
	}

	/** Changes the session; {@code expectedVersion}, if given, must be its current version (412 otherwise). */
	Session change(Caller caller, String sessionId, Request request, Long expectedVersion) {
		Session session = access.writable(caller, sessionId);
		requireVersion(session, expectedVersion);
		Mentorship mentorship = mentorships.findById(session.getMentorshipId())
			.orElseThrow(() -> new ResourceNotFoundException("mentorship", session.getMentorshipId()));
		session.requireChangeable(mentorship);
		Instant now = clock.instant();
		Session.Plan current = session.plan();
		Slot slot = current.slot().changedBy(request.start(), request.end(), request.durationMinutes(),
				request.timeZone(), settings.minDuration(), settings.maxDuration());
		boolean moved = !slot.equals(current.slot());
		if (moved) {
			Session.requireBookable(slot, mentorship, now, settings.backdateLimit());
		}
		SessionMode mode = request.mode() == null ? current.mode() : request.mode();
		Session.Plan plan = new Session.Plan(slot, mode, room(mode, request, current),
				request.venue() != null ? request.venue().strip() : current.venue(),
				request.agenda() != null ? request.agenda() : current.agenda());

		if (moved) {
			claims.claim(session.getId(), slot, session.getMentorId(), session.getMenteeId());
		}
		try {
			if (!session.change(plan, now)) {
				return session;
			}
			Session saved = sessions.save(session);
			if (moved) {
				claims.releaseQuietly(saved, slot);
			}
			return saved;
		}
		catch (RuntimeException failed) {
			if (moved) {
				// keep the new claim only if a concurrent writer stored this very time
				Session stored = sessions.findById(sessionId).orElse(null);
				if (stored == null || !stored.slot().equals(slot)) {
					claims.withdrawQuietly(session, slot);
				}
			}
			throw failed;
		}
	}

	/** An online session keeps its room unless another link is asked for; one that goes online gets a new one. */
	private URI room(SessionMode mode, Request request, Session.Plan current) {
		if (mode != SessionMode.ONLINE) {
			return null;
		}
		if (request.meetingUrl() != null) {
			return rooms.roomFor(request.meetingUrl());
		}
		return current.meetingUrl() != null ? current.meetingUrl() : rooms.newRoom();
	}

	private static void requireVersion(Session session, Long expectedVersion) {
		if (expectedVersion != null && !Objects.equals(expectedVersion, session.getVersion())) {
			throw new PreconditionFailedException(
					ProblemText.of("session.stale-version", session.getId(), session.getVersion(), expectedVersion));
		}
	}

}
