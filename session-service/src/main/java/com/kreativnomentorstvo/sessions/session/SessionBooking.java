package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;
import com.kreativnomentorstvo.sessions.config.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;

/**
 * Books a session of a pair, or a weekly series of them at the same local time, all or nothing.
 * Each occurrence first claims the pair's time (see {@link TimeClaims}), so overlapping sessions of
 * the mentor or the mentee are refused even when requested at the same moment.
 */
@Service
class SessionBooking {

	private final Sessions sessions;

	private final MentorshipAccess mentorshipAccess;

	private final TimeClaims claims;

	private final MeetingRooms rooms;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	SessionBooking(Sessions sessions, MentorshipAccess mentorshipAccess, TimeClaims claims, MeetingRooms rooms,
			Clock clock, SessionProperties properties) {
		this.sessions = sessions;
		this.mentorshipAccess = mentorshipAccess;
		this.claims = claims;
		this.rooms = rooms;
		this.clock = clock;
		this.settings = properties.scheduling();
	}

	/** A booking as asked for: when, where, and how many weeks in a row. */
	record Request(String start, String end, Integer durationMinutes, String timeZone, SessionMode mode,
			String meetingUrl, String venue, String agenda, Integer weeklyOccurrences) {
	}

	/** Books the session, or every occurrence of the series; the first one first. */
	List<Session> book(Caller caller, String mentorshipId, Request request) {
		Mentorship mentorship = mentorshipAccess.writable(caller, mentorshipId);
		mentorship.requireActive();
		Instant now = clock.instant();
		Slot first = Slot.parse(request.start(), request.end(), request.durationMinutes(), request.timeZone(),
				settings.minDuration(), settings.maxDuration());
		Session.requireBookable(first, mentorship, now, settings.backdateLimit());
		int occurrences = request.weeklyOccurrences() == null ? 1 : request.weeklyOccurrences();
		if (occurrences < 1 || occurrences > settings.maxSeriesLength()) {
			throw new InvalidFieldsException("weeklyOccurrences",
					ProblemText.of("session.series-length", settings.maxSeriesLength()));
		}
		SessionMode mode = request.mode() == null ? SessionMode.ONLINE : request.mode();
		// one room for a whole series: the pair keeps the same link every week
		URI room = mode == SessionMode.ONLINE ? rooms.roomFor(request.meetingUrl()) : null;
		String seriesId = occurrences > 1 ? Ids.next("series") : null;
		String by = SessionAccess.actingAs(caller, mentorship.members());

		List<Session> booked = new ArrayList<>();
		try {
			for (int week = 0; week < occurrences; week++) {
				Slot slot = first.weeksLater(week);
				Session.Plan plan = new Session.Plan(slot, mode, room, request.venue(), request.agenda());
				Session session = Session.schedule(Ids.next("ses"), mentorship, seriesId, plan, by, now);
				claims.claim(session.getId(), slot, mentorship.getMentorId(), mentorship.getMenteeId());
				booked.add(session);
			}
			return sessions.saveAll(booked);
		}
		catch (RuntimeException failed) {
			// all or nothing: withdraw the claims of every occurrence that was not stored
			booked.stream().filter(session -> !stored(session.getId())).forEach(claims::releaseQuietly);
			throw failed;
		}
	}

	private boolean stored(String sessionId) {
		try {
			return sessions.existsById(sessionId);
		}
		catch (RuntimeException unknown) {
			return true; // when in doubt keep the claim: an unowned one stops counting after the grace
		}
	}

}
