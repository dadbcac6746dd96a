package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.sessions.session.Slot;
import com.kreativnomentorstvo.platform.web.LimitReached;

class ProgrammeEventTests {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	private static final URI ROOM = URI.create("https://meet.jit.si/KreativnoMentorstvo-x");

	@Test
	void movingATrainingRaisesTheSequenceAndTellsTheInvitedRolesThePreviousStart() {
		ProgrammeEvent training = training("2026-05-28T10:00");

		ProgrammeEvent.Plan plan = training.plan();
		assertThat(training.reschedule(new ProgrammeEvent.Plan(plan.title(), plan.description(),
				slot("2026-06-04T11:00", "Europe/Zagreb", 240), plan.mode(), plan.meetingUrl(), null), NOW)).isTrue();

		assertThat(training.getSequence()).isEqualTo(1);
		assertThat(training.recordedEvents()).last().isInstanceOfSatisfying(ProgrammeEventRescheduled.class, e -> {
			assertThat(e.previousStart()).hasToString("2026-05-28T10:00+02:00");
			assertThat(e.start()).hasToString("2026-06-04T11:00+02:00");
			assertThat(e.end()).hasToString("2026-06-04T15:00+02:00");
			assertThat(e.timeZone()).isEqualTo("Europe/Zagreb");
			assertThat(e.invitedRoles()).containsExactly("MENTOR", "MENTEE");
			assertThat(e.sequence()).isEqualTo(1);
		});
	}

	@Test
	void aNewDescriptionRaisesTheSequenceForCalendarsButIsNoNewsForOtherServices() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		ProgrammeEvent.Plan plan = training.plan();

		training.reschedule(new ProgrammeEvent.Plan(plan.title(), "Bring your laptop", plan.slot(), plan.mode(),
				plan.meetingUrl(), null), NOW);

		assertThat(training.getSequence()).isEqualTo(1);
		assertThat(training.recordedEvents()).singleElement().isInstanceOf(ProgrammeEventScheduled.class);
	}

	@Test
	void movingATrainingToTheTimeItAlreadyHasChangesNothing() {
		ProgrammeEvent training = training("2026-05-28T10:00");

		assertThat(training.reschedule(training.plan(), NOW)).isFalse();
		assertThat(training.getSequence()).isZero();
	}

	@Test
	void aTrainingCannotBeMovedIntoThePast() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		ProgrammeEvent.Plan plan = training.plan();

		assertThatThrownBy(() -> training.reschedule(new ProgrammeEvent.Plan(plan.title(), null,
				slot("2026-04-28T10:00", "Europe/Zagreb", 60), plan.mode(), plan.meetingUrl(), null), NOW))
			.isInstanceOfSatisfying(InvalidFieldsException.class,
					e -> assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::field)
						.containsExactly("start"));
	}

	@Test
	void cancellingRaisesTheSequenceOnceMoreAndClosesAnswersAttendanceAndChanges() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		training.answer("par-1", Role.MENTEE, Rsvp.Response.YES, NOW, 10);

		training.cancel(ProgrammeEventCancellation.TOO_FEW_PARTICIPANTS, "coordinator-1", NOW);

		assertThat(training.isCancelled()).isTrue();
		assertThat(training.getSequence()).isEqualTo(1);
		assertThat(training.recordedEvents()).last().isInstanceOfSatisfying(ProgrammeEventCancelled.class, e -> {
			assertThat(e.reason()).isEqualTo("TOO_FEW_PARTICIPANTS");
			assertThat(e.start()).hasToString("2026-05-28T10:00+02:00");
			assertThat(e.sequence()).isEqualTo(1);
			assertThat(e.cancelledBy()).isEqualTo("coordinator-1");
		});
		assertThatThrownBy(() -> training.answer("par-2", Role.MENTOR, Rsvp.Response.YES, NOW, 10))
			.isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("event-cancelled"));
		assertThatThrownBy(() -> training.cancel(ProgrammeEventCancellation.OTHER, "coordinator-1", NOW))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> training.reschedule(training.plan(), NOW)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> training.recordAttendance(List.of(), training.getStart().plusSeconds(60), 10))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anAnswerPastTheLimitIsRefusedWhileThoseWhoAnsweredMayChangeTheirMind() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		training.answer("par-1", Role.MENTEE, Rsvp.Response.YES, NOW, 2);
		training.answer("par-2", Role.MENTOR, Rsvp.Response.MAYBE, NOW, 2);

		assertThatThrownBy(() -> training.answer("par-3", Role.MENTEE, Rsvp.Response.YES, NOW, 2))
			.isInstanceOfSatisfying(LimitReached.class, e -> {
				assertThat(e.code()).isEqualTo("limit-reached");
				assertThat(e.field()).isEqualTo("rsvps");
				assertThat(e.limit()).isEqualTo(2);
			});
		training.answer("par-2", Role.MENTOR, Rsvp.Response.NO, NOW, 2);

		assertThat(training.getRsvps()).extracting(Rsvp::response).containsExactly(Rsvp.Response.YES, Rsvp.Response.NO);
	}

	@Test
	void attendancePastTheLimitIsRefusedWholeAndCorrectionsStillCount() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		Instant after = training.getStart().plusSeconds(60);
		training.recordAttendance(List.of(present("par-1"), present("par-2")), after, 2);

		assertThatThrownBy(() -> training.recordAttendance(List.of(absent("par-1"), present("par-3")), after, 2))
			.isInstanceOfSatisfying(LimitReached.class, e -> assertThat(e.field()).isEqualTo("attendance"));
		assertThat(training.getAttendance()).extracting(Attendance::status)
			.containsExactly(Attendance.Status.PRESENT, Attendance.Status.PRESENT);
		training.recordAttendance(List.of(absent("par-1")), after, 2);

		assertThat(training.getAttendance()).extracting(Attendance::participantId).containsExactly("par-2", "par-1");
	}

	@Test
	void schedulingRecordsTheEventForTheInvitedRolesAtSequenceZero() {
		ProgrammeEvent training = training("2026-05-28T10:00");

		assertThat(training.getStatus()).isEqualTo(ProgrammeEventStatus.SCHEDULED);
		assertThat(training.getSequence()).isZero();
		assertThat(training.getScheduledAt()).isEqualTo(NOW);
		assertThat(training.invites(Role.MENTEE)).isTrue();
		assertThat(training.invites(null)).isFalse();
		assertThat(training.recordedEvents()).singleElement()
			.isInstanceOfSatisfying(ProgrammeEventScheduled.class, e -> {
				assertThat(e.kind()).isEqualTo("MIDTERM_TRAINING");
				assertThat(e.title()).isEqualTo("Midterm training");
				assertThat(e.start()).hasToString("2026-05-28T10:00+02:00");
				assertThat(e.end()).hasToString("2026-05-28T16:00+02:00");
				assertThat(e.timeZone()).isEqualTo("Europe/Zagreb");
				assertThat(e.meetingUrl()).isEqualTo(ROOM.toString());
				assertThat(e.venue()).isNull();
				assertThat(e.invitedRoles()).containsExactly("MENTOR", "MENTEE");
			});
	}

	@Test
	void anOnlineEventNeedsARoomAnInPersonOneAVenueAndEveryOneATitle() {
		Slot slot = slot("2026-05-28T10:00", "Europe/Zagreb", 60);

		assertInvalid(() -> new ProgrammeEvent.Plan("Kick-off", null, slot, SessionMode.ONLINE, null, null),
				"meetingUrl");
		assertInvalid(() -> new ProgrammeEvent.Plan("Kick-off", null, slot, SessionMode.IN_PERSON, null, " "), "venue");
		assertInvalid(() -> new ProgrammeEvent.Plan(" ", null, slot, SessionMode.ONLINE, ROOM, null), "title");
	}

	@Test
	void movingATrainingToAVenueDropsItsRoomKeepsTheVenueWithoutSurroundingSpacesAndIsNews() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		ProgrammeEvent.Plan plan = training.plan();

		training.reschedule(new ProgrammeEvent.Plan(plan.title(), plan.description(), plan.slot(),
				SessionMode.IN_PERSON, null, "  Kino Kultura, Skopje "), NOW);

		assertThat(training.getMeetingUrl()).isNull();
		assertThat(training.getVenue()).isEqualTo("Kino Kultura, Skopje");
		assertThat(training.recordedEvents()).last().isInstanceOfSatisfying(ProgrammeEventRescheduled.class, e -> {
			assertThat(e.mode()).isEqualTo(SessionMode.IN_PERSON);
			assertThat(e.venue()).isEqualTo("Kino Kultura, Skopje");
			assertThat(e.meetingUrl()).isNull();
		});
	}

	@Test
	void aNewTitleIsNewsForTheInvitees() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		ProgrammeEvent.Plan plan = training.plan();

		training.reschedule(new ProgrammeEvent.Plan("Midterm training and mentoring fair", plan.description(),
				plan.slot(), plan.mode(), plan.meetingUrl(), null), NOW);

		assertThat(training.recordedEvents()).last().isInstanceOfSatisfying(ProgrammeEventRescheduled.class, e -> {
			assertThat(e.title()).isEqualTo("Midterm training and mentoring fair");
			assertThat(e.previousStart()).isEqualTo(e.start());
			assertThat(e.sequence()).isEqualTo(1);
		});
	}

	@Test
	void onlyTheInvitedRolesAnswer() {
		ProgrammeEvent mentorsOnly = ProgrammeEvent.schedule("pev-2", "prog-1", "org-1", ProgrammeEventKind.TRAINING,
				new ProgrammeEvent.Plan("Mentor clinic", null, slot("2026-05-28T10:00", "Europe/Zagreb", 60),
						SessionMode.ONLINE, ROOM, null),
				List.of(Role.MENTOR), NOW);

		assertConflict(() -> mentorsOnly.answer("par-1", Role.MENTEE, Rsvp.Response.YES, NOW, 10), "not-invited");
		Rsvp answer = mentorsOnly.answer("par-2", Role.MENTOR, Rsvp.Response.MAYBE, NOW, 10);

		assertThat(answer).isEqualTo(new Rsvp("par-2", Role.MENTOR, Rsvp.Response.MAYBE, NOW));
		assertThat(mentorsOnly.answerOf("par-2")).contains(answer);
		assertThat(mentorsOnly.answerOf("par-1")).isEmpty();
	}

	@Test
	void answersAreTakenUntilTheEventStartsAndAttendanceOnlyFromThen() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		Instant start = training.getStart();

		assertConflict(() -> training.answer("par-1", Role.MENTEE, Rsvp.Response.YES, start, 10), "event-started");
		assertConflict(() -> training.recordAttendance(List.of(present("par-1")), start.minusSeconds(1), 10),
				"event-not-started");
		training.recordAttendance(List.of(present("par-1")), start, 10);

		assertThat(training.getRsvps()).isEmpty();
		assertThat(training.getAttendance()).containsExactly(new Attendance("par-1", Attendance.Status.PRESENT, start));
	}

	@Test
	void aParticipantWhoLeavesWithdrawsHerAnswersToEventsStillToComeOnly() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		training.answer("par-1", Role.MENTEE, Rsvp.Response.YES, NOW, 10);

		assertThat(training.withdrawAnswer("par-1", training.getStart())).as("once it has started").isFalse();
		assertThat(training.answerOf("par-1")).isPresent();
		assertThat(training.withdrawAnswer("par-2", NOW)).as("she never answered").isFalse();
		assertThat(training.withdrawAnswer("par-1", NOW)).isTrue();
		assertThat(training.answerOf("par-1")).isEmpty();
	}

	@Test
	void forgettingAParticipantRemovesHerAnswerAndAttendanceAndNobodyElses() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		training.answer("par-1", Role.MENTEE, Rsvp.Response.YES, NOW, 10);
		training.answer("par-2", Role.MENTOR, Rsvp.Response.NO, NOW, 10);
		training.recordAttendance(List.of(present("par-1"), absent("par-2")), training.getStart(), 10);

		assertThat(training.forget("par-1")).isTrue();
		assertThat(training.forget("par-1")).as("a second time").isFalse();

		assertThat(training.getRsvps()).extracting(Rsvp::participantId).containsExactly("par-2");
		assertThat(training.getAttendance()).extracting(Attendance::participantId).containsExactly("par-2");
	}

	@Test
	void aCancelledEventCanNeitherBeMovedNorCancelledAgain() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		training.cancel(ProgrammeEventCancellation.ILLNESS, "coordinator-1", NOW);

		assertConflict(() -> training.reschedule(training.plan(), NOW), "event-cancelled");
		assertConflict(() -> training.cancel(ProgrammeEventCancellation.OTHER, "coordinator-1", NOW),
				"event-cancelled");
		assertThat(training.getStatus()).isEqualTo(ProgrammeEventStatus.CANCELLED);
		assertThat(training.getCancellationReason()).isEqualTo(ProgrammeEventCancellation.ILLNESS);
		assertThat(training.getCancelledBy()).isEqualTo("coordinator-1");
		assertThat(training.getCancelledAt()).isEqualTo(NOW);
		assertThat(training.getSequence()).isEqualTo(1);
	}

	private static void assertConflict(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	private static void assertInvalid(ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldsException.class,
				e -> assertThat(e.problems()).extracting(InvalidFieldsException.FieldProblem::field)
					.containsExactly(field));
	}

	private static Attendance present(String participantId) {
		return new Attendance(participantId, Attendance.Status.PRESENT, null);
	}

	private static Attendance absent(String participantId) {
		return new Attendance(participantId, Attendance.Status.ABSENT, null);
	}

	@Test
	void aTrainingThatHasStartedCanNeitherBeMovedNorCancelled() {
		ProgrammeEvent training = training("2026-05-28T10:00");
		Instant during = training.getStart().plus(Duration.ofMinutes(5));

		assertThatThrownBy(() -> training.cancel(ProgrammeEventCancellation.OTHER, "coordinator-1", during))
			.isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("event-started"));
		assertConflict(() -> training.reschedule(training.plan(), during), "event-started");
	}

	private static ProgrammeEvent training(String start) {
		return ProgrammeEvent.schedule("pev-1", "prog-1", "org-1", ProgrammeEventKind.MIDTERM_TRAINING,
				new ProgrammeEvent.Plan("Midterm training", null, slot(start, "Europe/Zagreb", 360), SessionMode.ONLINE,
						ROOM, null),
				List.of(Role.MENTOR, Role.MENTEE), NOW);
	}

	private static Slot slot(String localStart, String zone, int minutes) {
		Instant start = LocalDateTime.parse(localStart).atZone(ZoneId.of(zone)).toInstant();
		return new Slot(start, start.plus(Duration.ofMinutes(minutes)), ZoneId.of(zone));
	}

}
