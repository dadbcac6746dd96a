package com.kreativnomentorstvo.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventTurnoutFlagged;
import com.kreativnomentorstvo.events.sessions.ReviewSubmitted;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Coordinator;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.notifications.template.NotificationKind;

import jakarta.mail.internet.MimeMessage;

import tools.jackson.databind.JsonNode;

/**
 * Coordinators are told what needs them about the pairs they look after (new applications, a
 * declined proposal, a pair that fell silent, a midterm review still missing, a training few will
 * attend), in their inbox and in the daily digest a
 * coordinator gets unless she chooses otherwise: one e-mail that names them all.
 */
class CoordinatorNoticesIT extends ReminderSchedulersUnderTest {

	@Autowired
	RecipientDirectory recipients;

	@Test
	void aCoordinatorGetsOneDigestNamingTwoApplicationsADeclinedProposalAndASilentPair() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		String elsewhere = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Coordinator coordinator = Fixtures.aCoordinator(organisationId);
		Coordinator outsider = Fixtures.aCoordinator(elsewhere);
		for (Coordinator each : List.of(coordinator, outsider)) {
			Events.publish(each.appointed(null, null));
			Events.publish(each.contact());
		}
		eventually().until(() -> isStaff(coordinator.accountId) && isStaff(outsider.accountId));
		Person mentor = known(Fixtures.aMentor(programmeId, organisationId).named("Marko Horvat"));
		Person mentee = known(Fixtures.aMentee(programmeId, organisationId).named("Jovana Nikolić"));
		Person declining = known(Fixtures.aMentee(programmeId, organisationId).named("Luka Novak"));

		// a pair that has not met since it started 22 days ago: its silence reminder is due
		MentorshipStarted started = new MentorshipStarted(Fixtures.unique("mentorship"), Fixtures.unique("match"),
				programmeId, organisationId, mentor.id, mentee.id, clock.instant().minus(Duration.ofDays(22)));
		Events.publish(started);
		eventually().until(() -> reminders.findById("pair-silent/" + started.mentorshipId()).isPresent());
		instance().fireDue();
		// a proposal declined, and two applications
		Events.publish(new MatchDeclined(Fixtures.unique("match"), programmeId, organisationId, mentor.id, declining.id,
				declining.id, "NO_TIME", Instant.now()));
		Person first = Fixtures.aMentor(programmeId, organisationId).named("Ana Kandidatkinja").applying();
		Person second = Fixtures.aMentee(programmeId, organisationId).named("Iva Prijavnica").applying();
		for (Person applicant : List.of(first, second)) {
			Events.publish(applicant.contact());
			Events.publish(applicant.enrolled());
		}

		eventually().until(() -> toldOf(coordinator.accountId).size() == 4);
		assertThat(toldOf(coordinator.accountId)).extracting(Notification::kind)
			.extracting(kind -> kind.code())
			.containsExactlyInAnyOrder("silent-pair", "declined-proposal", "new-application", "new-application");
		assertThat(toldOf(outsider.accountId)).as("another organisation's coordinator").isEmpty();
		List<Delivery> waiting = toldOf(coordinator.accountId).stream()
			.map(n -> mongo.findById(Delivery.keyFor(n.causedBy(), coordinator.accountId, Channel.EMAIL),
					Delivery.class))
			.toList();
		assertThat(waiting).doesNotContainNull().allMatch(Delivery::digest);
		assertThat(everyMailBut(coordinator, "coordinator-appointed")).isEmpty();

		clock.advanceTo(waiting.stream().map(Delivery::nextAttemptAt).max(Comparator.naturalOrder()).orElseThrow()
			.plusSeconds(30));

		MimeMessage digest = awaitOne(coordinator.email(), "digest");
		assertThat(Mail.subject(digest)).isEqualTo("Your notification summary (4)");
		assertThat(Mail.part(digest, "text/plain").text()).contains("A pair in ")
			.contains("Mentor: Marko Horvat")
			.contains("Mentee: Jovana Nikolić")
			.contains("was declined (no time at the moment)")
			.contains("Mentee: Luka Novak")
			.contains("Applicant: Ana Kandidatkinja")
			.contains("Applicant: Iva Prijavnica")
			.contains("/programmes/" + programmeId + "/progress")
			.contains("/programmes/" + programmeId + "/matching");
		assertThat(everyMailBut(coordinator, "coordinator-appointed")).as("one e-mail for all four").hasSize(1);
	}

	@Test
	void aMidtermReviewStillMissingAWeekAfterTheMidtermIsReportedToThePairsCoordinatorsAboutHerOnly() {
		ZoneId belgrade = ZoneId.of("Europe/Belgrade");
		LocalDate midterm = clock.instant().atZone(belgrade).toLocalDate().plusDays(10);
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), midterm));
		Coordinator coordinator = Fixtures.aCoordinator(organisationId);
		Events.publish(coordinator.appointed(null, null));
		Events.publish(coordinator.contact());
		eventually().until(() -> isStaff(coordinator.accountId));
		Person mentor = known(Fixtures.aMentor(programmeId, organisationId).named("Marko Horvat"));
		Person mentee = known(Fixtures.aMentee(programmeId, organisationId).named("Jovana Nikolić"));
		MentorshipStarted started = new MentorshipStarted(Fixtures.unique("mentorship"), Fixtures.unique("match"),
				programmeId, organisationId, mentor.id, mentee.id, clock.instant());
		Events.publish(started);
		String menteeMissing = "midterm-missing/" + started.mentorshipId() + "/" + mentee.id;
		String mentorMissing = "midterm-missing/" + started.mentorshipId() + "/" + mentor.id;
		eventually().until(() -> reminders.findById(menteeMissing).isPresent() && reminders.findById(mentorMissing)
			.isPresent());
		Events.publish(new ReviewSubmitted(Fixtures.unique("review"), started.mentorshipId(), programmeId,
				organisationId, mentor.id, "MENTOR", "MIDTERM", Instant.now()));
		eventually().until(() -> reminders.findById(mentorMissing)
			.map(r -> r.status() == Reminder.Status.CANCELLED)
			.orElse(false));
		Instant due = midterm.atTime(properties.reminders().midtermReviewAt()).atZone(belgrade).toInstant();

		clock.advanceTo(due.plus(properties.reminders().midtermReviewMissingAfter()).minusSeconds(60));
		instance().fireDue();
		assertThat(toldOf(coordinator.accountId)).as("not before the week is over").isEmpty();
		clock.advanceTo(due.plus(properties.reminders().midtermReviewMissingAfter()).plusSeconds(60));
		instance().fireDue();
		instance().fireDue();

		assertThat(toldOf(coordinator.accountId)).singleElement().satisfies(notice -> {
			assertThat(notice.kind()).isEqualTo(NotificationKind.MISSING_MIDTERM_REVIEW);
			assertThat(notice.details().counterpartId()).as("whose review is missing").isEqualTo(mentee.id);
			assertThat(notice.details().mentorId()).isEqualTo(mentor.id);
		});
		assertThat(mongo.exists(Query.query(Criteria.where("recipientId").in(mentor.id, mentee.id)
			.and("kind").is("missing-midterm-review")), Notification.class)).as("a notice for coordinators only").isFalse();
	}

	@Test
	void aTrainingWithFewAcceptancesIsReportedToTheCoordinatorsWhoRunTheProgramme() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org");
		String partner = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));
		Coordinator runner = Fixtures.aCoordinator(organiser);
		Coordinator partners = Fixtures.aCoordinator(partner);
		for (Coordinator each : List.of(runner, partners)) {
			Events.publish(each.appointed(null, null));
			Events.publish(each.contact());
		}
		eventually().until(() -> isStaff(runner.accountId) && isStaff(partners.accountId));
		String eventId = Fixtures.unique("event");

		Events.publish(new ProgrammeEventTurnoutFlagged(eventId, programmeId, organiser, "MIDTERM_TRAINING",
				"Midterm training", OffsetDateTime.now().plusDays(2), "Europe/Belgrade", 24, 7, 3, Instant.now()));

		eventually().until(() -> !toldOf(runner.accountId).isEmpty());
		JsonNode item = api().get("/api/v1/notifications", runner.token()).json().path("items").get(0);
		assertThat(item.path("kind").asString()).isEqualTo("low-turnout");
		assertThat(item.path("title").asString()).isEqualTo("Few acceptances so far: Midterm training");
		assertThat(item.path("body").asString()).contains("Invited: 24, yes: 7, maybe: 3");
		assertThat(item.path("actionUrl").asString()).endsWith("/programmes/" + programmeId + "/events/" + eventId);
		assertThat(toldOf(partners.accountId)).as("a partner does not run the programme's events").isEmpty();
	}

	private Person known(Person person) {
		Events.publish(person.enrolled());
		Events.publish(person.contact());
		eventually().until(() -> recipients.find(person.id).map(Recipient::displayName).isPresent());
		return person;
	}

	private boolean isStaff(String accountId) {
		return recipients.find(accountId).map(Recipient::isStaff).orElse(false);
	}

	/** What the coordinator was told about the programme (her appointment aside). */
	private List<Notification> toldOf(String accountId) {
		return mongo.find(Query.query(Criteria.where("recipientId").is(accountId).and("kind").ne("coordinator-appointed")),
				Notification.class);
	}

	private static List<MimeMessage> everyMailBut(Coordinator coordinator, String kind) {
		return Smtp.to(coordinator.email())
			.stream()
			.filter(m -> !mails(coordinator.email(), kind).contains(m))
			.toList();
	}

}
