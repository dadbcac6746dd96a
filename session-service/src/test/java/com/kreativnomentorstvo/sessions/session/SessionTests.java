package com.kreativnomentorstvo.sessions.session;

import static com.kreativnomentorstvo.sessions.session.SessionFixtures.held;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.note;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.online;
import static com.kreativnomentorstvo.sessions.session.SessionFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
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

	@Test
	void anOnlineSessionNeedsARoomAndAnInPersonOneAVenue() {
		Slot slot = slot("2026-03-17T17:00", "Europe/Skopje", 60);

		assertInvalid(() -> new Session.Plan(slot, SessionMode.ONLINE, null, null, null), "meetingUrl");
		assertInvalid(() -> new Session.Plan(slot, SessionMode.IN_PERSON, null, "  ", null), "venue");
	}

	@Test
	void aSessionIsBookedNeitherLongerAgoThanTheBackdateLimitNorBeforeThePairBegan() {
		Mentorship pair = Pairs.aPair().startedAt(Instant.parse("2026-03-01T09:00:00Z")).build();
		Instant now = Instant.parse("2026-04-15T12:00:00Z");
		Duration backdateLimit = Duration.ofDays(30);

		assertInvalid(() -> Session.requireBookable(slot("2026-03-10T10:00", "Europe/Belgrade", 60), pair, now,
				backdateLimit), "start");
		assertInvalid(() -> Session.requireBookable(slot("2026-02-28T10:00", "UTC", 60), pair,
				Instant.parse("2026-03-02T12:00:00Z"), backdateLimit), "start");
		Session.requireBookable(slot("2026-03-20T10:00", "Europe/Belgrade", 60), pair, now, backdateLimit);
	}

	@Test
	void aSessionOfAPairThatHasEndedCannotBeChanged() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		session.requireChangeable(pair);
		Pairs.end(pair, "COMPLETED", Instant.parse("2026-03-15T12:00:00Z"));

		assertSessionConflict(() -> session.requireChangeable(pair), "mentorship-ended");
	}

	@Test
	void nobodyButTheServiceCancelsBecauseThePairEnded() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);

		assertInvalid(() -> session.cancel(CancellationReason.MENTORSHIP_ENDED, pair.getMentorId(),
				session.getStart().minusSeconds(3600)), "reason");
		assertThat(session.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
		assertThat(session.recordedEvents()).hasSize(1);
	}

	@Test
	void aSessionAfterThePairEndedIsCalledOffByNobodyInParticularAndOnlyOnce() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		Instant at = Instant.parse("2026-03-15T12:00:00Z");

		session.callOffAfterPairEnded(at);

		assertThat(session.getStatus()).isEqualTo(SessionStatus.CANCELLED);
		assertThat(session.getCancellationReason()).isEqualTo(CancellationReason.MENTORSHIP_ENDED);
		assertThat(session.getCancelledBy()).isNull();
		assertThat(session.getCancelledAt()).isEqualTo(at);
		assertThat(session.recordedEvents()).last().isInstanceOfSatisfying(SessionCancelled.class, e -> {
			assertThat(e.reason()).isEqualTo("MENTORSHIP_ENDED");
			assertThat(e.cancelledBy()).isNull();
			assertThat(e.sequence()).isEqualTo(1);
		});
		assertSessionConflict(() -> session.callOffAfterPairEnded(at), "session-cancelled");
	}

	@Test
	void anOutcomeNamesWhoWasAbsentForANoShowAndOnlyThen() {
		Session session = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		Instant after = session.getEnd();

		assertInvalid(() -> session.recordOutcome(pair, Session.Outcome.NO_SHOW, null, pair.getMentorId(), after, null,
				null), "absent");
		assertInvalid(() -> session.recordOutcome(pair, Session.Outcome.HELD, Absence.MENTEE, pair.getMentorId(), after,
				null, null), "absent");
		assertThat(session.getStatus()).isEqualTo(SessionStatus.SCHEDULED);

		session.recordOutcome(pair, Session.Outcome.HELD, null, pair.getMenteeId(), after, "shared", "mine");

		assertThat(session.getStatus()).isEqualTo(SessionStatus.HELD);
		assertThat(session.getOutcomeRecordedBy()).isEqualTo(pair.getMenteeId());
		assertThat(session.notesReadableBy(pair.getMenteeId())).extracting(SessionNote::text)
			.containsExactlyInAnyOrder("shared", "mine");
		assertThat(session.recordedEvents()).last().isInstanceOf(SessionHeld.class);
	}

	@Test
	void aPairThatHasEndedRecordsOnlyTheSessionsThatBeganBeforeItsEnd() {
		Session before = online(pair, slot("2026-03-17T17:00", "Europe/Skopje", 60), null);
		Session after = online(pair, slot("2026-03-24T17:00", "Europe/Skopje", 60), null);
		Pairs.end(pair, "COMPLETED", Instant.parse("2026-03-20T12:00:00Z"));
		Instant now = Instant.parse("2026-03-25T12:00:00Z");

		assertSessionConflict(() -> after.recordOutcome(pair, Session.Outcome.HELD, null, pair.getMentorId(), now, null,
				null), "mentorship-ended");
		before.recordOutcome(pair, Session.Outcome.NO_SHOW, Absence.BOTH, pair.getMentorId(), now, null, null);

		assertThat(before.getStatus()).isEqualTo(SessionStatus.NO_SHOW);
		assertThat(after.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
	}

	@Test
	void timesAreKeptToTheMillisecondAsTheStoreKeepsThem() {
		Instant at = Instant.parse("2026-01-11T09:00:00.123456789Z");
		Session session = Session.schedule("ses-1", pair, null, new Session.Plan(
				slot("2026-03-17T17:00", "Europe/Skopje", 60), SessionMode.IN_PERSON, null, "Studio", null),
				pair.getMentorId(), at);

		session.cancel(CancellationReason.OTHER, pair.getMentorId(), at);

		Instant millis = Instant.parse("2026-01-11T09:00:00.123Z");
		assertThat(session.getScheduledAt()).isEqualTo(millis);
		assertThat(session.getCancelledAt()).isEqualTo(millis);
		assertThat(session.recordedEvents()).first().isInstanceOfSatisfying(SessionScheduled.class,
				e -> assertThat(e.scheduledAt()).isEqualTo(millis));
	}

	private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldsException.class,
				ex -> assertThat(ex.problems()).extracting(InvalidFieldsException.FieldProblem::field)
					.containsExactly(field));
	}

	private static void assertSessionConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
			String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
