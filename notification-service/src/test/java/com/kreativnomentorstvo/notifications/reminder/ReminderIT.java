package com.kreativnomentorstvo.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.events.sessions.SessionCancelled;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

/**
 * Reminders with a movable clock. The application's own reminder loop is slowed down for the tests
 * (see {@link ServiceUnderTest}); each test runs schedulers itself, each standing for one instance
 * of the service: created fresh (as after a restart), two at a time, or one that dies mid-way.
 */
class ReminderIT extends ReminderSchedulersUnderTest {

	private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

	@Test
	void aSessionIsRemindedOnceADayBeforeAndOnceAnHourBefore() {
		Pair pair = pair();
		Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, start);
		Events.publish(session);
		awaitReminders(session.sessionId(), 2);

		clock.advanceTo(start.minus(Duration.ofHours(24)).plus(ONE_MINUTE));
		instance().fireDue();
		instance().fireDue();

		assertThat(reminded(pair.mentee, 24)).hasSize(1);
		assertThat(reminded(pair.mentor, 24)).hasSize(1);
		assertThat(reminded(pair.mentee, 1)).isEmpty();

		clock.advanceTo(start.minus(Duration.ofHours(1)).plus(ONE_MINUTE));
		instance().fireDue();
		instance().fireDue();
		clock.advanceTo(start.plus(Duration.ofHours(2)));
		instance().fireDue();

		assertThat(reminded(pair.mentee, 24)).hasSize(1);
		assertThat(reminded(pair.mentee, 1)).hasSize(1);
		assertThat(reminded(pair.mentor, 1)).hasSize(1);
		assertThat(reminders.findBySubjectId(session.sessionId())).allMatch(r -> r.status() == Reminder.Status.FIRED);
		Notification hourBefore = reminded(pair.mentee, 1).get(0);
		assertThat(hourBefore.details().start()).isEqualTo(start);
		assertThat(hourBefore.details().counterpartId()).isEqualTo(pair.mentor.id);
	}

	@Test
	void twoInstancesFiringAtOnceRemindEveryoneOnce() {
		Pair pair = pair();
		aSessionWhoseDayBeforeReminderIsDue(pair);

		ReminderScheduler first = instance();
		ReminderScheduler second = instance();
		List<CompletableFuture<Integer>> runs = IntStream.range(0, 4)
			.mapToObj(i -> CompletableFuture.supplyAsync(i % 2 == 0 ? first::fireDue : second::fireDue))
			.toList();
		runs.forEach(CompletableFuture::join);

		assertThat(reminded(pair.mentee, 24)).hasSize(1);
		assertThat(reminded(pair.mentor, 24)).hasSize(1);
	}

	@Test
	void aReminderAnInstanceDiedWhileFiringIsFiredOnceByAnotherAfterTheRestart() {
		Pair pair = pair();
		SessionScheduled session = aSessionWhoseDayBeforeReminderIsDue(pair);

		// the dying instance claims the reminder, tells the mentee, and is gone before it tells the mentor
		ReminderScheduler dying = instance();
		ReminderScheduler.Claim claim = dying.claimNext(clock.instant());
		assertThat(claim).isNotNull();
		Reminder reminder = claim.reminder();
		assertThat(reminder.subjectId()).isEqualTo(session.sessionId());
		notifier.notify(new Notifier.Notice(reminder.type().kind, reminder.cause(), pair.mentee.id,
				reminder.programmeId(), reminder.organisationId(), reminder.detailsFor(pair.mentee.id)));

		ReminderScheduler restarted = instance();
		restarted.fireDue(); // the lease still holds
		assertThat(reminded(pair.mentor, 24)).isEmpty();

		clock.advance(properties.reminders().lease().plus(ONE_MINUTE));
		restarted.fireDue();

		assertThat(reminded(pair.mentee, 24)).hasSize(1);
		assertThat(reminded(pair.mentor, 24)).hasSize(1);
		assertThat(reminders.findById(reminder.id()).orElseThrow().status()).isEqualTo(Reminder.Status.FIRED);
		instance().fireDue();
		assertThat(reminded(pair.mentee, 24)).hasSize(1);
	}

	@Test
	void aMovedSessionIsRemindedAtItsNewTimeAndACancelledOneNotAtAll() {
		Pair pair = pair();
		Instant start = clock.instant().plus(Duration.ofDays(2));
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, start);
		Events.publish(session);
		OffsetDateTime later = session.start().plusDays(3);
		Events.publish(new SessionRescheduled(session.sessionId(), session.mentorshipId(), session.programmeId(),
				session.organisationId(), session.mentorId(), session.menteeId(), session.start(), later,
				session.timeZone(), 60, session.mode(), session.meetingUrl(), null, 1, Instant.now()));
		SessionScheduled cancelled = Fixtures.session(pair.mentor, pair.mentee, start);
		Events.publish(cancelled);
		Events.publish(new SessionCancelled(cancelled.sessionId(), cancelled.mentorshipId(), cancelled.programmeId(),
				cancelled.organisationId(), cancelled.mentorId(), cancelled.menteeId(), cancelled.start(),
				cancelled.timeZone(), pair.mentor.id, "ILLNESS", 1, Instant.now()));
		eventually().until(() -> reminders.findBySubjectId(session.sessionId()).stream().allMatch(r -> r.generation() == 1)
				&& reminders.findBySubjectId(cancelled.sessionId()).stream()
					.allMatch(r -> r.status() == Reminder.Status.CANCELLED)
				&& reminders.findBySubjectId(cancelled.sessionId()).size() == 2);

		clock.advanceTo(start.minus(Duration.ofHours(24)).plus(ONE_MINUTE));
		instance().fireDue();
		assertThat(reminded(pair.mentee, 24)).isEmpty();

		clock.advanceTo(later.toInstant().minus(Duration.ofHours(24)).plus(ONE_MINUTE));
		instance().fireDue();
		assertThat(reminded(pair.mentee, 24)).singleElement()
			.satisfies(n -> assertThat(n.details().start()).isEqualTo(later.toInstant()));
	}

	@Test
	void whoLeavesAProposalUnansweredIsNudgedOnceWhoAnsweredIsNot() {
		Pair pair = pair();
		Instant proposedAt = clock.instant();
		MatchProposed proposal = new MatchProposed(Fixtures.unique("match"), pair.mentor.programmeId,
				pair.mentor.organisationId, null, "MANUAL", pair.mentor.id, pair.mentee.id, 70,
				List.of(new Contribution("goals", 40, "Goals match")), proposedAt.plus(Duration.ofDays(7)), proposedAt);
		Events.publish(proposal);
		Events.publish(new MatchAccepted(proposal.matchId(), proposal.programmeId(), proposal.organisationId(),
				pair.mentor.id, pair.mentee.id, pair.mentor.id, Instant.now()));
		eventually().until(() -> reminders.findBySubjectId(proposal.matchId()).stream()
			.anyMatch(r -> r.status() == Reminder.Status.CANCELLED));

		clock.advanceTo(proposedAt.plus(properties.reminders().proposalUnansweredAfter()).plus(ONE_MINUTE));
		instance().fireDue();
		instance().fireDue();

		assertThat(notifications(pair.mentee, NotificationKind.PROPOSAL_UNANSWERED)).singleElement()
			.satisfies(n -> assertThat(n.details().matchId()).isEqualTo(proposal.matchId()));
		assertThat(notifications(pair.mentor, NotificationKind.PROPOSAL_UNANSWERED)).isEmpty();
	}

	@Test
	void aSilentPairIsNudgedOnceAndAgainOnlyAfterItHasMetAndFallenSilentAgain() {
		Pair pair = pair();
		MentorshipStarted started = new MentorshipStarted(Fixtures.unique("mentorship"), Fixtures.unique("match"),
				pair.mentor.programmeId, pair.mentor.organisationId, pair.mentor.id, pair.mentee.id, clock.instant());
		Events.publish(started);
		eventually().until(() -> reminders.findById("pair-silent/" + started.mentorshipId()).isPresent());
		Duration silence = properties.reminders().pairSilentAfter();

		clock.advance(silence.plus(ONE_MINUTE));
		instance().fireDue();
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.PAIR_SILENT)).hasSize(1);
		assertThat(notifications(pair.mentor, NotificationKind.PAIR_SILENT)).hasSize(1);

		clock.advance(Duration.ofDays(10));
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.PAIR_SILENT)).hasSize(1);

		Events.publish(new SessionHeld(Fixtures.unique("session"), started.mentorshipId(), started.programmeId(),
				started.organisationId(), pair.mentor.id, pair.mentee.id, OffsetDateTime.now(), 60, Instant.now()));
		eventually().until(() -> reminders.findById("pair-silent/" + started.mentorshipId())
			.map(r -> r.status() == Reminder.Status.PENDING)
			.orElse(false));
		clock.advance(silence.minus(Duration.ofDays(1)));
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.PAIR_SILENT)).hasSize(1);
		clock.advance(Duration.ofDays(1).plus(ONE_MINUTE));
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.PAIR_SILENT)).hasSize(2);
		assertThat(notifications(pair.mentor, NotificationKind.PAIR_SILENT)).hasSize(2);
	}

	@Test
	void theMidtermReviewIsDueOnTheMidtermDateFollowsItWhenItMovesAndSparesWhoHasWrittenIt() {
		ZoneId belgrade = ZoneId.of("Europe/Belgrade");
		LocalDate midterm = clock.instant().atZone(belgrade).toLocalDate().plusDays(10);
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		ProgrammeCreated programme = Fixtures.programme(programmeId, organisationId, List.of(), midterm);
		Events.publish(programme);
		Pair pair = pair(programmeId, organisationId);
		MentorshipStarted started = new MentorshipStarted(Fixtures.unique("mentorship"), Fixtures.unique("match"),
				programmeId, organisationId, pair.mentor.id, pair.mentee.id, clock.instant());
		Events.publish(started);
		String menteeReminder = "midterm/" + started.mentorshipId() + "/" + pair.mentee.id;
		eventually().until(() -> reminders.findById(menteeReminder).isPresent());

		LocalDate moved = midterm.plusDays(2);
		Events.publish(new ProgrammeUpdated(Fixtures.programme(programmeId, organisationId, List.of(), moved).programme(),
				1, Instant.now()));
		Instant due = moved.atTime(properties.reminders().midtermReviewAt()).atZone(belgrade).toInstant();
		eventually().until(() -> reminders.findById(menteeReminder).map(r -> r.dueAt().equals(due)).orElse(false));
		Events.publish(new ReviewSubmitted(Fixtures.unique("review"), started.mentorshipId(), programmeId,
				organisationId, pair.mentor.id, "MENTOR", "MIDTERM", Instant.now()));
		eventually().until(() -> reminders.findById("midterm/" + started.mentorshipId() + "/" + pair.mentor.id)
			.map(r -> r.status() == Reminder.Status.CANCELLED)
			.orElse(false));

		clock.advanceTo(midterm.atTime(properties.reminders().midtermReviewAt()).atZone(belgrade).toInstant()
			.plus(ONE_MINUTE));
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.MIDTERM_REVIEW_DUE)).isEmpty();

		clock.advanceTo(due.plus(ONE_MINUTE));
		instance().fireDue();
		instance().fireDue();
		assertThat(notifications(pair.mentee, NotificationKind.MIDTERM_REVIEW_DUE)).singleElement()
			.satisfies(n -> assertThat(n.details().date()).isEqualTo(moved));
		assertThat(notifications(pair.mentor, NotificationKind.MIDTERM_REVIEW_DUE)).isEmpty();
	}

	/** A session of the pair two days ahead, its reminders planned, the clock just past the day-before one. */
	private SessionScheduled aSessionWhoseDayBeforeReminderIsDue(Pair pair) {
		Instant start = clock.instant().plus(Duration.ofDays(2));
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, start);
		Events.publish(session);
		awaitReminders(session.sessionId(), 2);
		clock.advanceTo(start.minus(Duration.ofHours(24)).plus(ONE_MINUTE));
		return session;
	}

	private void awaitReminders(String subjectId, int count) {
		eventually().until(() -> reminders.findBySubjectId(subjectId).size() == count);
	}

	private List<Notification> reminded(Person person, int hoursBefore) {
		return notifications(person, NotificationKind.SESSION_REMINDER).stream()
			.filter(n -> n.details().hoursBefore() == hoursBefore)
			.toList();
	}

	private List<Notification> notifications(Person person, NotificationKind kind) {
		return mongo.find(Query.query(Criteria.where("recipientId").is(person.id).and("kind").is(kind.code())),
				Notification.class);
	}

	private Pair pair() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		return pair(programmeId, organisationId);
	}

	private Pair pair(String programmeId, String organisationId) {
		Person mentor = Fixtures.aMentor(programmeId, organisationId);
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking("sr-Latn");
		Events.publish(mentor.enrolled());
		Events.publish(mentee.enrolled());
		eventually().until(() -> mongo.exists(Query.query(Criteria.where("_id").in(mentor.id, mentee.id)),
				"recipients") && mongo.count(Query.query(Criteria.where("_id").in(mentor.id, mentee.id)), "recipients") == 2);
		return new Pair(mentor, mentee);
	}

	private record Pair(Person mentor, Person mentee) {
	}

}
