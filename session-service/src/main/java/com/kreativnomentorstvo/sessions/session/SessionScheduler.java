package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.PreconditionFailedException;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;
import com.kreativnomentorstvo.sessions.SessionProperties;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipAccess;
import com.kreativnomentorstvo.sessions.mentorship.MentorshipClosed;
import com.kreativnomentorstvo.sessions.mentorship.Mentorships;
import com.kreativnomentorstvo.sessions.web.Ids;

/**
 * Books, moves, cancels and records sessions. Every booking first claims the pair's time (see
 * {@link TimeClaims}), so overlapping sessions of the mentor or the mentee are refused even when
 * requested at the same moment.
 */
@Service
public class SessionScheduler {

	private static final Logger log = LoggerFactory.getLogger(SessionScheduler.class);

	private final Sessions sessions;

	private final Mentorships mentorships;

	private final MentorshipAccess mentorshipAccess;

	private final SessionAccess access;

	private final TimeClaims claims;

	private final MeetingRooms rooms;

	private final Clock clock;

	private final SessionProperties.Scheduling settings;

	SessionScheduler(Sessions sessions, Mentorships mentorships, MentorshipAccess mentorshipAccess,
			SessionAccess access, TimeClaims claims, MeetingRooms rooms, Clock clock, SessionProperties properties) {
		this.sessions = sessions;
		this.mentorships = mentorships;
		this.mentorshipAccess = mentorshipAccess;
		this.access = access;
		this.claims = claims;
		this.rooms = rooms;
		this.clock = clock;
		this.settings = properties.scheduling();
	}

	/** A booking as asked for: when, where, and how many weeks in a row. */
	record Booking(String start, String end, Integer durationMinutes, String timeZone, SessionMode mode,
			String meetingUrl, String venue, String agenda, Integer weeklyOccurrences) {
	}

	/** A change as asked for; absent fields keep their value. */
	record Change(String start, String end, Integer durationMinutes, String timeZone, SessionMode mode,
			String meetingUrl, String venue, String agenda) {
	}

	/** What happened to a session that was due: it was held, or somebody did not come. */
	enum Outcome {

		HELD, NO_SHOW

	}

	/** Books a session, or a weekly series of them at the same local time, all or nothing. */
	public List<Session> schedule(Caller caller, String mentorshipId, Booking booking) {
		Mentorship mentorship = mentorshipAccess.visible(caller, mentorshipId);
		mentorship.requireActive();
		Instant now = now();
		Slot first = Slot.parse(booking.start(), booking.end(), booking.durationMinutes(), booking.timeZone(),
				settings.minDuration(), settings.maxDuration());
		requireBookable(first, mentorship, now);
		int occurrences = booking.weeklyOccurrences() == null ? 1 : booking.weeklyOccurrences();
		if (occurrences < 1 || occurrences > settings.maxSeriesLength()) {
			throw new InvalidFieldsException("weeklyOccurrences",
					"must be between 1 and " + settings.maxSeriesLength());
		}
		SessionMode mode = booking.mode() == null ? SessionMode.ONLINE : booking.mode();
		// one room for a whole series: the pair keeps the same link every week
		URI room = mode == SessionMode.ONLINE ? meetingUrl(booking.meetingUrl(), null) : null;
		String seriesId = occurrences > 1 ? Ids.next("series") : null;
		String by = actor(caller, mentorship.members());

		List<Session> booked = new ArrayList<>();
		List<TimeClaims.Party> parties = parties(mentorship.getMentorId(), mentorship.getMenteeId());
		try {
			for (int week = 0; week < occurrences; week++) {
				Slot slot = first.weeksLater(week);
				Session.Plan plan = new Session.Plan(slot, mode, room, booking.venue(), booking.agenda());
				Session session = Session.schedule(Ids.next("ses"), mentorship, seriesId, plan, by, now);
				claims.claim(session.getId(), slot, parties);
				booked.add(session);
			}
			return sessions.saveAll(booked);
		}
		catch (RuntimeException failed) {
			// all or nothing: withdraw the claims of every occurrence that was not stored
			booked.stream()
				.filter(session -> !stored(session.getId()))
				.forEach(session -> releaseQuietly(session.getId(), null, session));
			throw failed;
		}
	}

	/** Moves a scheduled session or changes its place or agenda; raises its SEQUENCE. */
	public Session change(Caller caller, String sessionId, Change change, Long expectedVersion) {
		Session session = access.visible(caller, sessionId);
		requireVersion(session, expectedVersion);
		session.requireChangeable();
		Mentorship mentorship = mentorshipOf(session);
		mentorship.requireActive();
		Session.Plan current = session.plan();
		Slot slot = changedSlot(current.slot(), change);
		if (!slot.equals(current.slot())) {
			requireBookable(slot, mentorship, now());
		}
		SessionMode mode = change.mode() == null ? current.mode() : change.mode();
		URI room = null;
		if (mode == SessionMode.ONLINE) {
			room = change.meetingUrl() != null ? meetingUrl(change.meetingUrl(), null)
					: current.meetingUrl() != null ? current.meetingUrl() : rooms.newRoom();
		}
		String venue = change.venue() != null ? change.venue().strip() : current.venue();
		String agenda = change.agenda() != null ? change.agenda() : current.agenda();
		Session.Plan plan = new Session.Plan(slot, mode, room, venue, agenda);

		boolean moved = !slot.equals(current.slot());
		if (moved) {
			claims.claim(session.getId(), slot, parties(session.getMentorId(), session.getMenteeId()));
		}
		try {
			if (!session.change(plan, now())) {
				return session;
			}
			Session saved = sessions.save(session);
			if (moved) {
				releaseQuietly(saved.getId(), slot, saved);
			}
			return saved;
		}
		catch (RuntimeException failed) {
			if (moved) {
				// keep the new claim only if a concurrent writer stored this very time
				Session stored = sessions.findById(sessionId).orElse(null);
				if (stored == null || !stored.slot().equals(slot)) {
					withdrawQuietly(sessionId, slot, session);
				}
			}
			throw failed;
		}
	}

	public Session cancel(Caller caller, String sessionId, CancellationReason reason) {
		if (reason == CancellationReason.MENTORSHIP_ENDED) {
			throw new InvalidFieldsException("reason", "is set by the service when a mentorship ends");
		}
		Session session = access.visible(caller, sessionId);
		session.cancel(reason, actor(caller, session.members()), now());
		Session saved = sessions.save(session);
		releaseQuietly(saved.getId(), null, saved);
		return saved;
	}

	/** Records that a session took place (or that somebody did not come), with the recorder's notes. */
	public Session recordOutcome(Caller caller, String sessionId, Outcome outcome, Absence absent, String sharedNote,
			String privateNote) {
		SessionAccess.Member member = access.asMember(caller, sessionId);
		Session session = member.session();
		Mentorship mentorship = mentorshipOf(session);
		if (!mentorship.isActive() && mentorship.getEndedAt() != null
				&& !session.getStart().isBefore(mentorship.getEndedAt())) {
			mentorship.requireActive();
		}
		Instant now = now();
		if (outcome == Outcome.NO_SHOW) {
			if (absent == null) {
				throw new InvalidFieldsException("absent", "say who did not come: MENTOR, MENTEE or BOTH");
			}
			session.recordNoShow(member.participantId(), absent, now, sharedNote, privateNote);
		}
		else {
			if (absent != null) {
				throw new InvalidFieldsException("absent", "only for outcome NO_SHOW");
			}
			session.recordHeld(member.participantId(), now, sharedNote, privateNote);
		}
		return sessions.save(session);
	}

	/** Sets the caller's own shared and private note of a session that took place. */
	public Session writeNotes(Caller caller, String sessionId, String sharedNote, String privateNote) {
		SessionAccess.Member member = access.asMember(caller, sessionId);
		Session session = member.session();
		session.writeNotes(member.participantId(), sharedNote, privateNote, now());
		return sessions.save(session);
	}

	/** A pair that has ended meets no more: its sessions after the end are called off. */
	@EventListener
	public void mentorshipClosed(MentorshipClosed closed) {
		Instant endedAt = closed.endedAt() == null ? now() : closed.endedAt();
		for (Session session : sessions.findByMentorshipIdAndStatusAndStartAfter(closed.mentorshipId(),
				SessionStatus.SCHEDULED, endedAt)) {
			// nobody in particular: the platform calls it off
			session.cancel(CancellationReason.MENTORSHIP_ENDED, null, now());
			Session saved = sessions.save(session);
			releaseQuietly(saved.getId(), null, saved);
		}
	}

	/** Removes every note the participant wrote. */
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

	private Slot changedSlot(Slot current, Change change) {
		return current.changedBy(change.start(), change.end(), change.durationMinutes(), change.timeZone(),
				settings.minDuration(), settings.maxDuration());
	}

	private void requireBookable(Slot slot, Mentorship mentorship, Instant now) {
		if (slot.start().isBefore(now.minus(settings.backdateLimit()))) {
			throw new InvalidFieldsException("start",
					"is more than " + settings.backdateLimit().toDays() + " days in the past");
		}
		if (mentorship.getStartedAt() != null && slot.start().isBefore(mentorship.getStartedAt())) {
			throw new InvalidFieldsException("start", "is before the mentorship began");
		}
	}

	private URI meetingUrl(String asked, URI fallback) {
		if (asked == null || asked.isBlank()) {
			return fallback != null ? fallback : rooms.newRoom();
		}
		try {
			URI uri = new URI(asked.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				throw new InvalidFieldsException("meetingUrl", "must be an https link");
			}
			return uri;
		}
		catch (URISyntaxException invalid) {
			throw new InvalidFieldsException("meetingUrl", "is not a valid link");
		}
	}

	private static void requireVersion(Session session, Long expectedVersion) {
		if (expectedVersion != null && !Objects.equals(expectedVersion, session.getVersion())) {
			throw new PreconditionFailedException(
					"Session " + session.getId() + " is at version " + session.getVersion() + ", not " + expectedVersion);
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

	private Mentorship mentorshipOf(Session session) {
		return mentorships.findById(session.getMentorshipId())
			.orElseThrow(() -> new ResourceNotFoundException("mentorship", session.getMentorshipId()));
	}

	private void releaseQuietly(String sessionId, Slot keep, Session session) {
		try {
			claims.release(sessionId, keep, List.of(session.getMentorId(), session.getMenteeId()));
		}
		catch (RuntimeException ex) {
			// a claim that no longer matches its session stops counting on its own
			log.debug("Could not release claims of session {}: {}", sessionId, ex.getMessage());
		}
	}

	private void withdrawQuietly(String sessionId, Slot slot, Session session) {
		try {
			claims.withdraw(sessionId, slot, List.of(session.getMentorId(), session.getMenteeId()));
		}
		catch (RuntimeException ex) {
			log.debug("Could not withdraw a claim of session {}: {}", sessionId, ex.getMessage());
		}
	}

	private static List<TimeClaims.Party> parties(String mentorId, String menteeId) {
		// always in the same order, so concurrent bookings of one pair meet at the same document first
		return List.of(new TimeClaims.Party(mentorId, "mentor"), new TimeClaims.Party(menteeId, "mentee"));
	}

	/**
	 * Who acts, as events name them: her enrolment that is one of the members, or the account id of
	 * a coordinator.
	 */
	static String actor(Caller caller, List<String> members) {
		return caller.asOneOf(members).orElse(caller.subject());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
