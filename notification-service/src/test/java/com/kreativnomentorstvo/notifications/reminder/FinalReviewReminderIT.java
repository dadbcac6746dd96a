package com.kreativnomentorstvo.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

import jakarta.mail.internet.MimeMessage;

/**
 * Each member of an active pair is reminded of her final review the configured days before the
 * programme's last day, at the configured time in the programme's zone: planned when the pair
 * starts, moved with the programme's end, spared for whoever wrote it and for a pair that ended,
 * and sent at the next pass, once, when the end moved so close that its time is past.
 */
class FinalReviewReminderIT extends ReminderSchedulersUnderTest {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

	@Autowired
	RecipientDirectory recipients;

	@Test
	void eachMemberIsRemindedOnceTheConfiguredDaysBeforeTheProgrammeEndsAtTheConfiguredTime() {
		assertThat(properties.reminders().finalReviewDaysBefore()).as("the default").isEqualTo(7);
		LocalDate endsOn = today().plusDays(10);
		Programme programme = programmeEndingOn(endsOn);
		Started pair = programme.pairStarted();
		Instant due = endsOn.minusDays(7).atTime(properties.reminders().finalReviewAt()).atZone(BELGRADE).toInstant();
		awaitPlanned(pair, due);

		clock.advanceTo(due.minus(ONE_MINUTE));
		firePasses();
		assertThat(reminded(pair.mentor())).isEmpty();
		assertThat(reminded(pair.mentee())).isEmpty();

		clock.advanceTo(due.plus(ONE_MINUTE));
		firePasses();
		firePasses();
		for (Person member : pair.members()) {
			assertThat(reminded(member)).singleElement().satisfies(n -> {
				assertThat(n.details().date()).isEqualTo(endsOn);
				assertThat(n.details().mentorshipId()).isEqualTo(pair.mentorshipId());
			});
			assertThat(reminders.findById(reminderId(pair, member)).orElseThrow().status())
				.isEqualTo(Reminder.Status.FIRED);
		}
		MimeMessage mail = awaitOne(pair.mentee().email(), NotificationKind.FINAL_REVIEW_DUE.code());
		assertThat(Mail.subject(mail)).isEqualTo("Vreme je za završnu evaluaciju");
		assertThat(Mail.part(mail, "text/plain").text()).contains("/mentorships/" + pair.mentorshipId() + "/reviews");
	}

	@Test
	void whenTheProgrammesEndMovesTheReminderMovesWithIt() {
		LocalDate endsOn = today().plusDays(10);
		Programme programme = programmeEndingOn(endsOn);
		Started pair = programme.pairStarted();
		Instant due = dueBefore(endsOn);
		awaitPlanned(pair, due);

		LocalDate moved = endsOn.plusDays(2);
		programme.endsOn(moved, 1);
		Instant movedDue = dueBefore(moved);
		awaitPlanned(pair, movedDue);

		clock.advanceTo(due.plus(ONE_MINUTE));
		firePasses();
		assertThat(reminded(pair.mentee())).isEmpty();
		assertThat(reminded(pair.mentor())).isEmpty();

		clock.advanceTo(movedDue.plus(ONE_MINUTE));
		firePasses();
		for (Person member : pair.members()) {
			assertThat(reminded(member)).singleElement()
				.satisfies(n -> assertThat(n.details().date()).isEqualTo(moved));
		}
	}

	@Test
	void aFinalReviewSparesItsAuthorOnlyAndAMidtermReviewSparesNobody() {
		LocalDate endsOn = today().plusDays(10);
		Started pair = programmeEndingOn(endsOn).pairStarted();
		Instant due = dueBefore(endsOn);
		awaitPlanned(pair, due);

		Events.publish(pair.review(pair.mentee(), "MIDTERM"));
		Events.publish(pair.review(pair.mentor(), "FINAL"));
		eventually().until(() -> status(pair, pair.mentor()) == Reminder.Status.CANCELLED);
		assertThat(status(pair, pair.mentee())).isEqualTo(Reminder.Status.PENDING);

		clock.advanceTo(due.plus(ONE_MINUTE));
		firePasses();
		assertThat(reminded(pair.mentee())).hasSize(1);
		assertThat(reminded(pair.mentor())).isEmpty();
	}

	@Test
	void aFinalReviewSeenBeforeThePairsStartStillSparesItsAuthor() {
		LocalDate endsOn = today().plusDays(10);
		Programme programme = programmeEndingOn(endsOn);
		Started pair = programme.pair();
		Events.publish(pair.review(pair.mentee(), "FINAL"));
		eventually().until(() -> status(pair, pair.mentee()) == Reminder.Status.CANCELLED);

		Events.publish(pair.started());
		Instant due = dueBefore(endsOn);
		eventually().until(() -> reminders.findById(reminderId(pair, pair.mentor()))
			.map(r -> r.status() == Reminder.Status.PENDING && r.dueAt().equals(due))
			.orElse(false));
		assertThat(status(pair, pair.mentee())).isEqualTo(Reminder.Status.CANCELLED);

		clock.advanceTo(due.plus(ONE_MINUTE));
		firePasses();
		assertThat(reminded(pair.mentor())).hasSize(1);
		assertThat(reminded(pair.mentee())).isEmpty();
	}

	@Test
	void anEndedPairIsNotRemindedNotEvenWhenTheProgrammesEndMovesAfterwards() {
		LocalDate endsOn = today().plusDays(10);
		Programme programme = programmeEndingOn(endsOn);
		Started ended = programme.pairStarted();
		Started active = programme.pairStarted();
		awaitPlanned(ended, dueBefore(endsOn));
		awaitPlanned(active, dueBefore(endsOn));

		Events.publish(new MentorshipEnded(ended.mentorshipId(), programme.id(), programme.organisationId(),
				ended.mentor().id, ended.mentee().id, "COMPLETED", Instant.now()));
		eventually().until(() -> ended.members().stream()
			.allMatch(member -> status(ended, member) == Reminder.Status.CANCELLED));
		LocalDate moved = endsOn.plusDays(1);
		programme.endsOn(moved, 1);
		awaitPlanned(active, dueBefore(moved)); // the update was handled: the active pair's reminders moved

		clock.advanceTo(dueBefore(moved).plus(ONE_MINUTE));
		firePasses();
		for (Person member : ended.members()) {
			assertThat(reminded(member)).isEmpty();
			assertThat(status(ended, member)).isEqualTo(Reminder.Status.CANCELLED);
		}
		for (Person member : active.members()) {
			assertThat(reminded(member)).hasSize(1);
		}
	}

	@Test
	void aDueTimeAlreadyPastWhenPlannedGoesOutAtTheNextPassOnce() {
		LocalDate endsOn = today().plusDays(10);
		Programme programme = programmeEndingOn(endsOn);
		Started pair = programme.pairStarted();
		awaitPlanned(pair, dueBefore(endsOn));

		// the end moves so close that the reminder's time is four days past
		LocalDate closer = today().plusDays(3);
		programme.endsOn(closer, 1);
		Instant past = dueBefore(closer);
		assertThat(past).isBefore(clock.instant());
		awaitPlanned(pair, past);

		firePasses();
		for (Person member : pair.members()) {
			assertThat(reminded(member)).singleElement()
				.satisfies(n -> assertThat(n.details().date()).isEqualTo(closer));
		}

		// a pair starting now is planned past due too; a later move of the end re-plans only what has not gone out
		Started late = programme.pairStarted();
		awaitPlanned(late, past);
		LocalDate closerStill = today().plusDays(2);
		programme.endsOn(closerStill, 2);
		awaitPlanned(late, dueBefore(closerStill));
		firePasses();
		clock.advance(Duration.ofDays(1));
		firePasses();
		for (Person member : pair.members()) {
			assertThat(reminded(member)).as("once").singleElement()
				.satisfies(n -> assertThat(n.details().date()).isEqualTo(closer));
			assertThat(status(pair, member)).isEqualTo(Reminder.Status.FIRED);
		}
		for (Person member : late.members()) {
			assertThat(reminded(member)).singleElement()
				.satisfies(n -> assertThat(n.details().date()).isEqualTo(closerStill));
		}
	}

	/** Scheduler passes until one finds nothing due (a pass handles one batch). */
	private void firePasses() {
		ReminderScheduler scheduler = instance();
		while (scheduler.fireDue() > 0) {
			// the next pass takes the next batch
		}
	}

	private LocalDate today() {
		return clock.instant().atZone(BELGRADE).toLocalDate();
	}

	private Instant dueBefore(LocalDate endsOn) {
		return endsOn.minusDays(properties.reminders().finalReviewDaysBefore())
			.atTime(properties.reminders().finalReviewAt())
			.atZone(BELGRADE)
			.toInstant();
	}

	private void awaitPlanned(Started pair, Instant due) {
		eventually().until(() -> pair.members().stream()
			.allMatch(member -> reminders.findById(reminderId(pair, member))
				.map(r -> r.status() == Reminder.Status.PENDING && r.dueAt().equals(due))
				.orElse(false)));
	}

	private Reminder.Status status(Started pair, Person member) {
		return reminders.findById(reminderId(pair, member)).map(Reminder::status).orElse(null);
	}

	private static String reminderId(Started pair, Person member) {
		return "final/" + pair.mentorshipId() + "/" + member.id;
	}

	private List<Notification> reminded(Person person) {
		return mongo.find(Query.query(Criteria.where("recipientId")
			.is(person.id)
			.and("kind")
			.is(NotificationKind.FINAL_REVIEW_DUE.code())), Notification.class);
	}

	private Programme programmeEndingOn(LocalDate endsOn) {
		Programme programme = new Programme(Fixtures.unique("programme"), Fixtures.unique("org"));
		Events.publish(Fixtures.programmeEndingOn(programme.id(), programme.organisationId(), endsOn));
		return programme;
	}

	/** A programme of the test, in Belgrade's zone. */
	private final class Programme {

		private final String id;

		private final String organisationId;

		Programme(String id, String organisationId) {
			this.id = id;
			this.organisationId = organisationId;
		}

		String id() {
			return id;
		}

		String organisationId() {
			return organisationId;
		}

		/** Its last day moves (the update of the version given). */
		void endsOn(LocalDate endsOn, long version) {
			Events.publish(new ProgrammeUpdated(Fixtures.programmeEndingOn(id, organisationId, endsOn).programme(),
					version, Instant.now()));
		}

		/** A pair of two enrolled members with addresses, not started yet. */
		Started pair() {
			Person mentor = Fixtures.aMentor(id, organisationId);
			Person mentee = Fixtures.aMentee(id, organisationId).speaking("sr-Latn");
			for (Person person : List.of(mentor, mentee)) {
				Events.publish(person.enrolled());
				Events.publish(person.contact());
			}
			eventually().until(() -> recipients.find(mentor.id).map(Recipient::email).isPresent()
					&& recipients.find(mentee.id).map(Recipient::email).isPresent());
			return new Started(Fixtures.unique("mentorship"), id, organisationId, mentor, mentee);
		}

		/** A pair that has started now. */
		Started pairStarted() {
			Started pair = pair();
			Events.publish(pair.started());
			return pair;
		}

	}

	private record Started(String mentorshipId, String programmeId, String organisationId, Person mentor,
			Person mentee) {

		List<Person> members() {
			return List.of(mentor, mentee);
		}

		MentorshipStarted started() {
			return new MentorshipStarted(mentorshipId, Fixtures.unique("match"), programmeId, organisationId, mentor.id,
					mentee.id, Instant.now());
		}

		ReviewSubmitted review(Person author, String kind) {
			return new ReviewSubmitted(Fixtures.unique("review"), mentorshipId, programmeId, organisationId, author.id,
					author == mentor ? "MENTOR" : "MENTEE", kind, Instant.now());
		}

	}

}
