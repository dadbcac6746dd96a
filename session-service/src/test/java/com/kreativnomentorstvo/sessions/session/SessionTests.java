package com.kreativnomentorstvo.sessions.session;

import static com.kreativnomentorstvo.sessions.session.SessionFixtures.held;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.note;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.online;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.sessions.mentorship.Mentorship;
import com.kreativnomentorstvo.sessions.mentorship.Pairs;

class SessionTests {

	private final Mentorship pair = Pairs.aPair().build();

	@Test
	void schedulingRecordsTheStartInTheBookedZoneWithSequenceZero() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), "portfolio");

		assertThat(session.recordedEvents()).singleElement().isInstanceOfSatisfying(SessionScheduled.class, e -> {
			assertThat(e.start()).hasToString("2026-03-17T17:00+01:00");
			assertThat(e.timeZone()).isEqualTo("Europe/Skopje");
			assertThat(e.durationMinutes()).isEqualTo(60);
			assertThat(e.sequence()).isZero();
			assertThat(e.meetingUrl()).startsWith("https://meet.jit.si/");
		});
	}

	@Test
	void reschedulingRaisesTheSequenceAndNamesThePreviousStart() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);

		SessionFixtures.moveTo(session, slot("2026-03-18T09:30", "Europe/Skopje", 45));

		assertThat(session.getSequence()).isEqualTo(1);
		assertThat(session.recordedEvents()).last().isInstanceOfSatisfying(SessionRescheduled.class, e -> {
			assertThat(e.previousStart()).hasToString("2026-03-17T17:00+01:00");
			assertThat(e.start()).hasToString("2026-03-18T09:30+01:00");
			assertThat(e.durationMinutes()).isEqualTo(45);
			assertThat(e.sequence()).isEqualTo(1);
		});
	}

	@Test
	void movingASessionToTheTimeItAlreadyHasChangesNothing() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);

		assertThat(SessionFixtures.moveTo(session, slot("2026-03-17T17:00", "Europe/Skopje", 60))).isFalse();
		assertThat(session.getSequence()).isZero();
		assertThat(session.recordedEvents()).hasSize(1);
	}

	@Test
	void aNewAgendaRaisesTheSequenceForCalendarsButIsNoNewsForOtherServices() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), "first agenda");
		Session.Plan plan = session.plan();

		assertThat(session.change(new Session.Plan(plan.slot(), plan.mode(), plan.meetingUrl(), null, "second agenda"),
				Instant.parse("2026-03-10T10:00:00Z"))).isTrue();

		assertThat(session.getSequence()).isEqualTo(1);
		assertThat(session.getAgenda()).isEqualTo("second agenda");
		assertThat(session.recordedEvents()).singleElement().isInstanceOf(SessionScheduled.class);
	}

	@Test
	void cancellingRaisesTheSequenceOnceMoreAndCannotBeRepeated() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		SessionFixtures.moveTo(session, slot("2026-03-18T17:00", "Europe/Skopje", 60));

		SessionFixtures.cancel(session, pair.getMenteeId());

		assertThat(session.getStatus()).isEqualTo(SessionStatus.CANCELLED);
		assertThat(session.recordedEvents()).last().isInstanceOfSatisfying(SessionCancelled.class, e -> {
			assertThat(e.sequence()).isEqualTo(2);
			assertThat(e.reason()).isEqualTo("ILLNESS");
			assertThat(e.cancelledBy()).isEqualTo(pair.getMenteeId());
		});
		assertThatThrownBy(() -> SessionFixtures.cancel(session, pair.getMenteeId()))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aSessionCannotBeRecordedAsHeldBeforeItStarts() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);

		assertThatThrownBy(() -> session.recordHeld(pair.getMentorId(), session.getStart().minusSeconds(60), null, null))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("session-not-started"));
	}

	@Test
	void privateNotesAreReadOnlyByTheirAuthorAndSharedNotesByBoth() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		held(session, pair.getMentorId(), "We agreed on a grant calendar", "She seems overwhelmed");
		note(session, pair.getMenteeId(), null, "Ask about the Creative Europe call");

		assertThat(session.notesReadableBy(pair.getMentorId())).extracting(SessionNote::text)
			.containsExactlyInAnyOrder("We agreed on a grant calendar", "She seems overwhelmed");
		assertThat(session.notesReadableBy(pair.getMenteeId())).extracting(SessionNote::text)
			.containsExactlyInAnyOrder("We agreed on a grant calendar", "Ask about the Creative Europe call");
		assertThat(session.notesReadableBy("par-someone-else")).extracting(SessionNote::text)
			.containsExactly("We agreed on a grant calendar");
		assertThat(session.notesReadableBy(null)).isEmpty();
	}

	@Test
	void noEventOfASessionCarriesItsNotesOrAgenda() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), "Agenda: budget lines");
		SessionFixtures.moveTo(session, slot("2026-03-17T18:00", "Europe/Skopje", 60));
		held(session, pair.getMentorId(), "SHARED-NOTE-TEXT", "PRIVATE-NOTE-TEXT");

		assertThat(session.recordedEvents()).hasSize(3).last().isInstanceOf(SessionHeld.class);
		assertThat(session.recordedEvents()).map(e -> new String(EventJson.write(e), StandardCharsets.UTF_8))
			.noneMatch(json -> json.contains("SHARED-NOTE-TEXT") || json.contains("PRIVATE-NOTE-TEXT")
					|| json.contains("budget lines"));
	}

	@Test
	void erasingAParticipantRemovesExactlyTheNotesSheWrote() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		held(session, pair.getMentorId(), "mentor shared", "mentor private");
		note(session, pair.getMenteeId(), "mentee shared", "mentee private");

		assertThat(session.eraseNotesOf(pair.getMenteeId())).isEqualTo(2);

		assertThat(session.notesReadableBy(pair.getMentorId())).extracting(SessionNote::text)
			.containsExactlyInAnyOrder("mentor shared", "mentor private");
	}

	@Test
	void anEndedMentorshipTakesNoNewSessions() {
		Mentorship ended = Pairs.aPair().build();
		Pairs.end(ended, "COMPLETED", Instant.parse("2026-06-30T12:00:00Z"));

		assertThatThrownBy(() -> online(ended, slot("2026-07-01T18:00", "Europe/Belgrade", 60), null))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("mentorship-ended"));
	}

	@Test
	void aNoShowRecordsWhoWasAbsentAndTellsNobody() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		Instant after = session.getStart().plusSeconds(3600);

		session.recordNoShow(pair.getMentorId(), Absence.MENTEE, after, "She did not come", null);

		assertThat(session.getStatus()).isEqualTo(SessionStatus.NO_SHOW);
		assertThat(session.getAbsence()).isEqualTo(Absence.MENTEE);
		assertThat(session.getOutcomeRecordedBy()).isEqualTo(pair.getMentorId());
		assertThat(session.getOutcomeRecordedAt()).isEqualTo(after);
		assertThat(session.recordedEvents()).singleElement().isInstanceOf(SessionScheduled.class);
		assertThat(session.notesReadableBy(pair.getMenteeId())).extracting(SessionNote::text)
			.containsExactly("She did not come");
	}

	@Test
	void aSessionWhoseOutcomeIsRecordedCanNeitherMoveNorBeCancelledNorRecordedAgain() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		held(session, pair.getMentorId(), null, null);

		assertSessionConflict(() -> SessionFixtures.moveTo(session, slot("2026-03-18T17:00", "Europe/Skopje", 60)),
				"session-held");
		assertSessionConflict(() -> SessionFixtures.cancel(session, pair.getMenteeId()), "session-held");
		assertSessionConflict(() -> session.recordNoShow(pair.getMenteeId(), Absence.MENTOR,
				session.getStart().plusSeconds(3600), null, null), "session-held");
		assertSessionConflict(session::requireChangeable, "session-held");
		assertThat(session.recordedEvents()).hasSize(2).last().isInstanceOf(SessionHeld.class);
	}

	@Test
	void aCancelledSessionTakesNoOutcomeAndNoNotes() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		SessionFixtures.cancel(session, pair.getMentorId());

		assertSessionConflict(() -> held(session, pair.getMentorId(), null, null), "session-cancelled");
		assertSessionConflict(() -> note(session, pair.getMentorId(), "too late", null), "session-not-held");
	}

	@Test
	void notesAreWrittenOnlyOnceTheSessionTookPlaceAndAnEmptyTextRemovesOne() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		assertSessionConflict(() -> note(session, pair.getMenteeId(), "ahead of time", null), "session-not-held");

		held(session, pair.getMentorId(), "first", "mine");
		note(session, pair.getMentorId(), "second", null);
		note(session, pair.getMentorId(), null, "");

		assertThat(session.notesReadableBy(pair.getMentorId())).extracting(SessionNote::text).containsExactly("second");
	}

	private static void assertSessionConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
			String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
