package com.kreativnomentorstvo.sessions.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;

/** Sessions in every state, for tests of other features. */
public final class SessionFixtures {

	public static Slot slot(ZonedDateTime start, int minutes) {
		return new Slot(start.toInstant(), start.toInstant().plus(Duration.ofMinutes(minutes)), start.getZone());
	}

	public static Slot slot(String localStart, String zone, int minutes) {
		return slot(ZonedDateTime.of(LocalDateTime.parse(localStart), ZoneId.of(zone)), minutes);
	}

	public static Session online(Mentorship mentorship, Slot slot, String agenda) {
		return Session.schedule("ses-" + UUID.randomUUID(), mentorship, null,
				new Session.Plan(slot, SessionMode.ONLINE, URI.create("https://meet.jit.si/test-" + UUID.randomUUID()),
						null, agenda),
				mentorship.getMentorId(), Instant.parse("2026-01-11T09:00:00Z"));
	}

	public static Session inPerson(Mentorship mentorship, Slot slot, String venue) {
		return Session.schedule("ses-" + UUID.randomUUID(), mentorship, null,
				new Session.Plan(slot, SessionMode.IN_PERSON, null, venue, null), mentorship.getMentorId(),
				Instant.parse("2026-01-11T09:00:00Z"));
	}

	public static boolean moveTo(Session session, Slot slot) {
		Session.Plan plan = session.plan();
		return session.change(new Session.Plan(slot, plan.mode(), plan.meetingUrl(), plan.venue(), plan.agenda()),
				slot.start().minus(Duration.ofDays(1)));
	}

	public static void cancel(Session session, String by) {
		session.cancel(CancellationReason.ILLNESS, by, session.getStart().minus(Duration.ofHours(2)));
	}

	public static void held(Session session, String by, String sharedNote, String privateNote) {
		session.recordHeld(by, session.getEnd(), sharedNote, privateNote);
	}

	public static void note(Session session, String by, String sharedNote, String privateNote) {
		session.writeNotes(by, sharedNote, privateNote, session.getEnd().plus(Duration.ofHours(1)));
	}

	private SessionFixtures() {
	}

}
