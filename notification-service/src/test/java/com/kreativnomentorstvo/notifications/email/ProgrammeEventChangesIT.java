package com.kreativnomentorstvo.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventCancelled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventRescheduled;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.events.sessions.SessionMode;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.inbox.Notifications;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.testkit.TestTokens;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A training that moves or is called off: everyone the invitation went to hears of it once, by
 * e-mail in her own language with a calendar entry that replaces or removes the one she has, and
 * in her inbox.
 */
class ProgrammeEventChangesIT extends ServiceUnderTest {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Notifications notifications;

	@Test
	void aMovedThenCancelledTrainingReachesEveryInviteeOnceInHerLanguageWithACalendarEntry() throws Exception {
		Programme programme = programme();
		Person mentor = programme.enrol(Fixtures.aMentor(programme.id, programme.organisationId).speaking("hr"));
		Person mentee = programme.enrol(Fixtures.aMentee(programme.id, programme.organisationId).speaking("sr-Cyrl"));
		Programme other = programme();
		Person elsewhere = other.enrol(Fixtures.aMentee(other.id, other.organisationId));
		ProgrammeEventScheduled scheduled = training(programme, List.of("MENTOR", "MENTEE"), inDays(14));
		Events.publish(scheduled);
		awaitOne(mentor, "training-invitation");
		awaitOne(mentee, "training-invitation");

		Instant newStart = inDays(21);
		ProgrammeEventRescheduled moved = moved(scheduled, newStart, 1);
		Events.Published movedOnce = Events.publish(moved);

		MimeMessage menteeMail = awaitOne(mentee, "training-rescheduled");
		assertThat(Mail.subject(menteeMail)).isEqualTo("Измена догађаја: Digital tools clinic");
		assertThat(Mail.header(menteeMail, "Content-Language")).isEqualTo("sr-Cyrl");
		assertThat(Mail.part(menteeMail, "text/plain").text()).contains("Заједнички догађај")
			.contains("Ново време: ")
			.contains("Претходни термин: ")
			.contains("Место: Kulturni centar Rex");
		VEvent entry = calendarEntry(menteeMail, "PUBLISH");
		assertThat(entry.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(scheduled.programmeEventId() + "@sessions.kreativnomentorstvo.org");
		assertThat(entry.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(entry.<Temporal>getStartDate().orElseThrow().getValue()).isEqualTo(ICS_UTC.format(newStart));
		MimeMessage mentorMail = awaitOne(mentor, "training-rescheduled");
		assertThat(Mail.subject(mentorMail)).isEqualTo("Promjena događaja: Digital tools clinic");
		assertThat(calendarEntry(mentorMail, "PUBLISH").getProperty(Property.SEQUENCE).orElseThrow().getValue())
			.isEqualTo("1");

		// the move delivered again, then the cancellation on the same partition: the copy is applied before it
		movedOnce.again();
		ProgrammeEventCancelled cancelled = cancelled(moved, 2);
		Events.Published cancelledOnce = Events.publish(cancelled);

		MimeMessage menteeCancellation = awaitOne(mentee, "training-cancelled");
		assertThat(Mail.subject(menteeCancellation)).isEqualTo("Отказано: Digital tools clinic");
		assertThat(Mail.part(menteeCancellation, "text/plain").text()).contains("(разлог: простор није доступан)");
		VEvent removed = calendarEntry(menteeCancellation, "CANCEL");
		assertThat(removed.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(removed.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
		assertThat(removed.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(scheduled.programmeEventId() + "@sessions.kreativnomentorstvo.org");
		MimeMessage mentorCancellation = awaitOne(mentor, "training-cancelled");
		assertThat(Mail.subject(mentorCancellation)).isEqualTo("Otkazano: Digital tools clinic");
		assertThat(Mail.part(mentorCancellation, "text/plain").text()).contains("(razlog: prostor nije dostupan)");

		// the cancellation delivered again, then a later record on its partition
		cancelledOnce.again();
		awaitLaterRecordOnThePartitionOf(scheduled.programmeEventId());

		for (Person invitee : List.of(mentor, mentee)) {
			for (String kind : List.of("training-invitation", "training-rescheduled", "training-cancelled")) {
				assertThat(mails(invitee, kind)).as("%s to %s", kind, invitee.id).hasSize(1);
			}
			assertThat(notifications.findById(Notification.idFor(cancelledOnce.id(), invitee.id))).isPresent();
		}
		assertThat(Smtp.to(elsewhere.email())).extracting(m -> Mail.header(m, EmailComposer.KIND_HEADER))
			.doesNotContain("training-invitation", "training-rescheduled", "training-cancelled");
	}

	@Test
	void aTrainingTitledInSeveralLanguagesIsAnnouncedToEachInviteeByHerTitle() throws Exception {
		Programme programme = programme();
		Person croatian = programme.enrol(Fixtures.aMentor(programme.id, programme.organisationId).speaking("hr"));
		Person cyrillic = programme.enrol(Fixtures.aMentee(programme.id, programme.organisationId).speaking("sr-Cyrl"));
		Person slovene = programme.enrol(Fixtures.aMentee(programme.id, programme.organisationId).speaking("sl"));
		ProgrammeEventScheduled plain = training(programme, List.of("MENTOR", "MENTEE"), inDays(14));
		Events.publish(new ProgrammeEventScheduled(plain.programmeEventId(), plain.programmeId(),
				plain.organisationId(), plain.kind(), plain.title(), plain.start(), plain.end(), plain.timeZone(),
				plain.mode(), plain.meetingUrl(), plain.venue(), plain.invitedRoles(), plain.scheduledAt(),
				Map.of("hr", "Radionica digitalnih alata", "sr-Latn", "Radionica digitalnih alata")));

		assertThat(Mail.subject(awaitOne(croatian, "training-invitation"))).endsWith("Radionica digitalnih alata");
		assertThat(Mail.subject(awaitOne(cyrillic, "training-invitation")))
			.as("the Serbian Latin title, in Cyrillic").endsWith("Радионица дигиталних алата");
		assertThat(Mail.subject(awaitOne(slovene, "training-invitation"))).endsWith("Digital tools clinic");
	}

	@Test
	void anEventForMentorsIsNoNewsForMenteesAndAMentorsChoiceOfChannelsHolds() {
		Programme programme = programme();
		Person mentor = programme.enrol(Fixtures.aMentor(programme.id, programme.organisationId).speaking("sl"));
		Person inboxOnly = programme.enrol(Fixtures.aMentor(programme.id, programme.organisationId).speaking("mk"));
		Person mentee = programme.enrol(Fixtures.aMentee(programme.id, programme.organisationId));
		String token = TestTokens.shared().participant(inboxOnly.id, programme.organisationId, "mentor");
		assertThat(api().put("/api/v1/participants/" + inboxOnly.id + "/notification-preferences", token,
				Map.of("kinds", Map.of("training-rescheduled", Map.of("email", false, "inApp", true))))
			.status()).isEqualTo(200);
		ProgrammeEventScheduled scheduled = training(programme, List.of("MENTOR"), inDays(10));
		Events.publish(scheduled);
		awaitOne(mentor, "training-invitation");

		Events.Published moved = Events.publish(moved(scheduled, inDays(11), 1));

		MimeMessage mail = awaitOne(mentor, "training-rescheduled");
		assertThat(Mail.subject(mail)).isEqualTo("Sprememba dogodka: Digital tools clinic");
		awaitLaterRecordOnThePartitionOf(scheduled.programmeEventId());
		assertThat(notifications.findById(Notification.idFor(moved.id(), inboxOnly.id)))
			.hasValueSatisfying(n -> assertThat(n.kind().code()).isEqualTo("training-rescheduled"));
		assertThat(deliveries.findById(Delivery.keyFor(moved.id(), inboxOnly.id, Channel.EMAIL))).isEmpty();
		assertThat(mails(inboxOnly, "training-rescheduled")).isEmpty();
		assertThat(notifications.findById(Notification.idFor(moved.id(), mentee.id))).isEmpty();
		assertThat(mails(mentee, "training-invitation")).isEmpty();
	}

	/** A programme, announced, with its participants enrolled and reachable. */
	private final class Programme {

		final String id = Fixtures.unique("programme");

		final String organisationId = Fixtures.unique("org");

		Programme() {
			Events.publish(Fixtures.programme(id, organisationId, List.of(), null));
		}

		Person enrol(Person person) {
			Events.publish(person.enrolled());
			Events.publish(person.contact());
			eventually().until(() -> recipients.find(person.id).map(Recipient::email).isPresent()
					&& recipients.find(person.id).map(Recipient::role).isPresent());
			return person;
		}

	}

	private Programme programme() {
		return new Programme();
	}

	private static ProgrammeEventScheduled training(Programme programme, List<String> roles, Instant start) {
		return new ProgrammeEventScheduled(Fixtures.unique("pev"), programme.id, programme.organisationId, "TRAINING",
				"Digital tools clinic", local(start), local(start.plus(Duration.ofHours(3))), "Europe/Belgrade",
				SessionMode.IN_PERSON, null, "Kulturni centar Rex", roles, Instant.now());
	}

	private static ProgrammeEventRescheduled moved(ProgrammeEventScheduled event, Instant start, int sequence) {
		return new ProgrammeEventRescheduled(event.programmeEventId(), event.programmeId(), event.organisationId(),
				event.kind(), event.title(), event.start(), local(start), local(start.plus(Duration.ofHours(3))),
				event.timeZone(), event.mode(), event.meetingUrl(), event.venue(), event.invitedRoles(), sequence,
				Instant.now());
	}

	private static ProgrammeEventCancelled cancelled(ProgrammeEventRescheduled event, int sequence) {
		return new ProgrammeEventCancelled(event.programmeEventId(), event.programmeId(), event.organisationId(),
				event.kind(), event.title(), event.start(), event.end(), event.timeZone(), event.invitedRoles(),
				"coordinator-1", "VENUE_UNAVAILABLE", sequence, Instant.now());
	}

	/**
	 * Publishes an invitation of another programme under the key of the event, so it lands on the
	 * same partition, and waits for its e-mail: every record before it has then been applied.
	 */
	private void awaitLaterRecordOnThePartitionOf(String programmeEventId) {
		Programme marker = programme();
		Person witness = marker.enrol(Fixtures.aMentee(marker.id, marker.organisationId));
		Events.publish(training(marker, List.of("MENTEE"), inDays(30)), programmeEventId);
		awaitOne(witness, "training-invitation");
	}

	private Instant inDays(int days) {
		return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
	}

	private static OffsetDateTime local(Instant instant) {
		return OffsetDateTime.ofInstant(instant, BELGRADE);
	}

	private static VEvent calendarEntry(MimeMessage mail, String method) throws Exception {
		Mail.Leaf ics = Mail.part(mail, "text/calendar");
		assertThat(ics.contentType()).contains("method=" + method);
		assertThat(ics.fileName()).isEqualTo("invitation.ics");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.text()));
		calendar.validate();
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
		return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
	}

	private static List<MimeMessage> mails(Person person, String kind) {
		return Smtp.to(person.email())
			.stream()
			.filter(m -> kind.equals(Mail.header(m, EmailComposer.KIND_HEADER)))
			.toList();
	}

	private MimeMessage awaitOne(Person person, String kind) {
		eventually().until(() -> !mails(person, kind).isEmpty());
		return mails(person, kind).get(0);
	}

}
