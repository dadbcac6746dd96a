package com.kreativnomentorstvo.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.notifications.NotificationDelivered;
import com.kreativnomentorstvo.events.sessions.MessagePosted;
import com.kreativnomentorstvo.events.sessions.SessionRescheduled;
import com.kreativnomentorstvo.events.sessions.SessionScheduled;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.notification.NotificationTriggers;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.notifications.support.Smtp;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

class EmailDeliveryIT extends ServiceUnderTest {

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Deliveries deliveries;

	@Autowired
	NotificationTriggers triggers;

	@Test
	void aSessionScheduledForASerbianCyrillicMenteeYieldsOneCyrillicEmailWithAValidCalendarEntry() throws Exception {
		Pair pair = enrolledPair("sr-Cyrl");
		Instant start = clock.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, start);

		Events.Published published = Events.publish(session);

		MimeMessage mail = awaitOne(pair.mentee, "session-scheduled");
		assertThat(Mail.subject(mail)).startsWith("Заказана менторска сесија: ");
		assertThat(Mail.subject(mail).replace("(Europe/Belgrade)", "")).containsPattern("[\\u0400-\\u04FF]")
			.doesNotContainPattern("[A-Za-z]");
		assertThat(Mail.header(mail, "Content-Language")).isEqualTo("sr-Cyrl");
		assertThat(mail.getContentType()).startsWith("multipart/mixed");

		String text = Mail.part(mail, "text/plain").text();
		String html = Mail.part(mail, "text/html").text();
		assertThat(text).contains("Поштовани/а Ana Petrović,")
			.contains("Заказана је менторска сесија.")
			.contains("Ментор/ка: Marko Horvat")
			.contains("Трајање: 60 мин")
			.contains("https://meet.example.org/reg-lab")
			.doesNotContain("Zakazana");
		assertThat(html).contains("<html lang=\"sr-Cyrl\">").contains("Заказана је менторска сесија.");

		Mail.Leaf ics = Mail.part(mail, "text/calendar");
		assertThat(ics.contentType()).contains("method=REQUEST");
		assertThat(ics.fileName()).isEqualTo("invitation.ics");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.text()));
		calendar.validate();
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(session.sessionId() + "@sessions.kreativnomentorstvo.org");
		assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
		assertThat(event.<Temporal>getStartDate().orElseThrow().getValue())
			.isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(start));
		assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:" + pair.mentee.email());

		assertThat(Mail.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8080/api/v1/notifications/unsubscribe?token=");
		assertThat(Mail.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

		// the mentor writes in English, and the delivery is announced on the notifications topic
		MimeMessage mentorMail = awaitOne(pair.mentor, "session-scheduled");
		assertThat(Mail.subject(mentorMail)).startsWith("Mentoring session scheduled: ");
		String notificationId = Notification.idFor(published.id(), pair.mentee.id);
		ConsumerRecord<String, byte[]> delivered = EventRecords.await(Topics.NOTIFICATIONS,
				r -> notificationId.equals(r.key()) && EventType.NOTIFICATION_DELIVERED.typeName()
					.equals(EventRecords.header(r, "ce_type")) && EventRecords.value(r).contains("\"EMAIL\""));
		EventAssertions.assertContractKept(delivered);
		NotificationDelivered data = (NotificationDelivered) EventJson.read(EventType.NOTIFICATION_DELIVERED,
				delivered.value());
		assertThat(data.channel()).isEqualTo(Channel.EMAIL);
		assertThat(data.recipientId()).isEqualTo(pair.mentee.id);
		assertThat(data.kind()).isEqualTo("session-scheduled");
		assertThat(data.causedBy()).isEqualTo(published.id());
		assertThat(EventRecords.value(delivered)).doesNotContain(pair.mentee.email()).doesNotContain("Ana");
	}

	@Test
	void theSameEventDeliveredTwiceYieldsOneEmail() {
		Pair pair = enrolledPair("hr");
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, clock.instant().plus(Duration.ofDays(5)));

		Events.Published published = Events.publish(session);
		published.again();
		// a later event of the same session (same partition): once it is applied, so was the copy
		SessionRescheduled moved = new SessionRescheduled(session.sessionId(), session.mentorshipId(),
				session.programmeId(), session.organisationId(), session.mentorId(), session.menteeId(), session.start(),
				session.start().plusDays(1), session.timeZone(), 60, session.mode(), session.meetingUrl(), null, 1,
				Instant.now());
		Events.publish(moved);
		awaitOne(pair.mentee, "session-rescheduled");

		// and the delivery key holds even when the platform's inbox is bypassed
		EventMetadata sameEvent = new EventMetadata(published.id(), EventType.SESSION_SCHEDULED.typeName(), "/test",
				session.sessionId(), Instant.now(), session.programmeId(), session.organisationId(), null,
				Topics.SESSIONS, 0, 0);
		triggers.sessionScheduled(session, sameEvent);
		triggers.sessionScheduled(session, sameEvent);

		String key = Delivery.keyFor(published.id(), pair.mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		assertThat(mails(pair.mentee, "session-scheduled")).hasSize(1);
		assertThat(mails(pair.mentor, "session-scheduled")).hasSize(1);
		assertThat(deliveries.findById(key).orElseThrow().attempts()).isEqualTo(1);
	}

	@Test
	void whenTheSmtpServerIsDownForAWhileTheEmailArrivesOnceItIsBack() {
		Pair pair = enrolledPair("sl");
		awaitOne(pair.mentee, "enrolment-confirmed");
		SessionScheduled session = Fixtures.session(pair.mentor, pair.mentee, clock.instant().plus(Duration.ofDays(3)));
		double sentBefore = counter("mentoring_notifications_email_total", "sent");
		double failedBefore = counter("mentoring_notifications_email_total", "failed");
		Events.Published published = null;
		String key;
		try {
			Smtp.down();
			published = Events.publish(session);
			key = Delivery.keyFor(published.id(), pair.mentee.id, Channel.EMAIL);
			eventually().until(() -> deliveries.findById(key)
				.map(d -> d.status() == Delivery.Status.PENDING && d.attempts() >= 2 && d.lastError() != null)
				.orElse(false));
		}
		finally {
			Smtp.up();
		}

		MimeMessage mail = awaitOne(pair.mentee, "session-scheduled");
		assertThat(Mail.subject(mail)).startsWith("Dogovorjeno mentorsko srečanje: ");
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		Delivery delivery = deliveries.findById(key).orElseThrow();
		assertThat(delivery.attempts()).isGreaterThanOrEqualTo(3);
		assertThat(delivery.address()).isEqualTo(pair.mentee.email());
		assertThat(mails(pair.mentee, "session-scheduled")).hasSize(1);
		// the e-mail metrics on /actuator/prometheus saw the failed attempts and the one that went out
		assertThat(counter("mentoring_notifications_email_total", "failed")).isGreaterThanOrEqualTo(failedBefore + 2);
		assertThat(counter("mentoring_notifications_email_total", "sent")).isGreaterThanOrEqualTo(sentBefore + 1);
		assertThat(counter("mentoring_notifications_email_total", "no-contact")).isNotNull();
	}

	@Test
	void anEnrolmentWhoseContactDetailsArriveLaterIsMailedOnceTheAddressIsKnown() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking("mk");
		Events.Published enrolment = Events.publish(mentee.enrolled());
		String key = Delivery.keyFor(enrolment.id(), mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key)
			.map(d -> d.status() == Delivery.Status.AWAITING_CONTACT)
			.orElse(false));

		Events.publish(mentee.contact());

		MimeMessage mail = awaitOne(mentee, "enrolment-confirmed");
		assertThat(Mail.subject(mail)).isEqualTo("Вашата пријава за програмата за менторство е потврдена");
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		assertThat(mails(mentee, "enrolment-confirmed")).hasSize(1);
	}

	@Test
	void theUnsubscribeLinkAsksFirstThenStopsThatKindOfEmailOnly() {
		Pair pair = enrolledPair("en");
		MimeMessage mail = awaitOne(pair.mentee, "enrolment-confirmed");
		URI link = URI.create(Mail.header(mail, "List-Unsubscribe").replaceAll("[<>]", ""));
		String path = link.getRawPath() + "?" + link.getRawQuery();
		ServiceApi api = api();

		Reply page = api.get(path, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<form method=\"post\"").contains("Stop these e-mails");
		String token = TestTokens.shared().participant(pair.mentee.id, pair.mentee.organisationId, "mentee");
		String preferences = "/api/v1/participants/" + pair.mentee.id + "/notification-preferences";
		assertThat(api.get(preferences, token).json().path("kinds").path("enrolment-confirmed").path("email").asBoolean())
			.isTrue();

		Reply done = api.postForm(path, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("you will no longer receive these e-mails");
		Reply after = api.get(preferences, token);
		assertThat(after.json().path("kinds").path("enrolment-confirmed").path("email").asBoolean()).isFalse();
		assertThat(after.json().path("kinds").path("enrolment-confirmed").path("inApp").asBoolean()).isTrue();
		assertThat(after.json().path("kinds").path("session-scheduled").path("email").asBoolean()).isTrue();
		assertThat(api.postForm(path.replaceAll("token=[^&]+", "token=forged.token"), Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void anAddressTheServerCannotTakeFailsAtOnceAndTheFailureIsPublished() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Person mentee = Fixtures.aMentee(programmeId, organisationId).reachableAt("ana at example dot org");
		Events.publish(mentee.contact());
		eventually().until(() -> recipients.find(mentee.id).map(Recipient::email).isPresent());

		Events.Published enrolment = Events.publish(mentee.enrolled());

		String key = Delivery.keyFor(enrolment.id(), mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.FAILED).orElse(false));
		assertThat(deliveries.findById(key).orElseThrow().failureReason()).isEqualTo("SMTP_REJECTED");
		assertThat(deliveries.findById(key).orElseThrow().attempts()).isEqualTo(1);
		String notificationId = Notification.idFor(enrolment.id(), mentee.id);
		ConsumerRecord<String, byte[]> failed = EventRecords.await(Topics.NOTIFICATIONS,
				r -> notificationId.equals(r.key())
						&& EventType.NOTIFICATION_FAILED.typeName().equals(EventRecords.header(r, "ce_type")));
		EventAssertions.assertContractKept(failed);
		assertThat(EventRecords.value(failed)).contains("\"reason\":\"SMTP_REJECTED\"")
			.contains("\"channel\":\"EMAIL\"")
			.doesNotContain("example dot org");
	}

	@Test
	void aDailyDigestGathersWhatCanWaitIntoOneEmailWhileSessionNewsGoesAtOnce() {
		Pair pair = enrolledPair("sl");
		awaitOne(pair.mentee, "enrolment-confirmed");
		String token = TestTokens.shared().participant(pair.mentee.id, pair.mentee.organisationId, "mentee");
		assertThat(api().put("/api/v1/participants/" + pair.mentee.id + "/notification-preferences", token,
				Map.of("digest", "DAILY", "digestAt", "08:00")).status()).isEqualTo(200);
		MatchProposed proposal = proposal(pair);
		Events.Published proposed = Events.publish(proposal);
		Events.publish(new MatchExpired(proposal.matchId(), proposal.programmeId(), proposal.organisationId(),
				pair.mentor.id, pair.mentee.id, Instant.now()));
		Events.publish(Fixtures.session(pair.mentor, pair.mentee, clock.instant().plus(Duration.ofDays(20))));

		awaitOne(pair.mentee, "session-scheduled");
		String key = Delivery.keyFor(proposed.id(), pair.mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).isPresent());
		Delivery waiting = deliveries.findById(key).orElseThrow();
		assertThat(waiting.digest()).isTrue();
		assertThat(waiting.nextAttemptAt().atZone(ZoneId.of("Europe/Belgrade")).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(mails(pair.mentee, "match-proposed")).isEmpty();

		clock.advanceTo(waiting.nextAttemptAt().plusSeconds(30));

		MimeMessage digest = awaitOne(pair.mentee, "digest");
		assertThat(Mail.subject(digest)).isEqualTo("Pregled obvestil (2)");
		assertThat(Mail.part(digest, "text/plain").text()).contains("== Predlagan Vam je mentorski par ==")
			.contains("== Predlog mentorskega para je potekel ==")
			.contains("Odjava od vseh e-poštnih sporočil");
		eventually().until(() -> deliveries.findById(key).map(d -> d.status() == Delivery.Status.DELIVERED).orElse(false));
		assertThat(mails(pair.mentee, "match-proposed")).isEmpty();
		assertThat(mails(pair.mentee, "match-expired")).isEmpty();
		assertThat(mails(pair.mentee, "digest")).hasSize(1);
	}

	@Test
	void quietHoursHoldBackWhatCanWaitUntilTheyEnd() {
		Pair pair = enrolledPair("en");
		awaitOne(pair.mentee, "enrolment-confirmed");
		ZoneId belgrade = ZoneId.of("Europe/Belgrade");
		LocalTime now = clock.instant().atZone(belgrade).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		String token = TestTokens.shared().participant(pair.mentee.id, pair.mentee.organisationId, "mentee");
		assertThat(api().put("/api/v1/participants/" + pair.mentee.id + "/notification-preferences", token,
				Map.of("quietHours", Map.of("from", now.minusHours(1).toString(), "to", now.plusHours(2).toString())))
			.status()).isEqualTo(200);

		Events.Published proposed = Events.publish(proposal(pair));
		Events.publish(Fixtures.session(pair.mentor, pair.mentee, clock.instant().plus(Duration.ofDays(20))));

		awaitOne(pair.mentee, "session-scheduled"); // time-sensitive: not held back
		String key = Delivery.keyFor(proposed.id(), pair.mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key)
			.map(d -> d.nextAttemptAt().isAfter(clock.instant().plus(Duration.ofMinutes(90))))
			.orElse(false));
		assertThat(mails(pair.mentee, "match-proposed")).isEmpty();
		assertThat(deliveries.findById(key).orElseThrow().attempts()).isZero();

		clock.advance(Duration.ofHours(2).plusMinutes(1));

		awaitOne(pair.mentee, "match-proposed");
		assertThat(mails(pair.mentee, "match-proposed")).hasSize(1);
	}

	@Test
	void herStewardsCoordinatorsAndSheHerselfReadHerEmailLog() {
		Pair pair = enrolledPair("en");
		awaitOne(pair.mentee, "enrolment-confirmed");
		String path = "/api/v1/notifications/deliveries?recipientId=" + pair.mentee.id;
		eventually().until(() -> api().get(path, TestTokens.shared().coordinator(pair.mentee.organisationId)).json()
			.path("items").findValuesAsString("status").contains("DELIVERED"));

		Reply log = api().get(path, TestTokens.shared().coordinator(pair.mentee.organisationId));
		assertThat(log.json().path("items").get(0).path("kind").asString()).isEqualTo("enrolment-confirmed");
		assertThat(log.json().path("items").get(0).path("address").asString()).isEqualTo(pair.mentee.email());
		assertThat(api().get(path, TestTokens.shared().coordinator(Fixtures.unique("org"))).status()).isEqualTo(404);
		// she reads her own log; the other side of her pair does not
		assertThat(api().get(path, TestTokens.shared().participant(pair.mentee.id, pair.mentee.organisationId, "mentee"))
			.status()).isEqualTo(200);
		assertThat(api().get(path, TestTokens.shared().participant(pair.mentor.id, pair.mentor.organisationId, "mentor"))
			.status()).isEqualTo(404);
	}

	@Test
	void onceBothAcceptedEachIsIntroducedToTheOtherWithHerAddressInHerOwnLanguage() {
		Pair pair = enrolledPair("sl");
		Events.publish(proposal(pair));
		MimeMessage proposed = awaitOne(pair.mentee, "match-proposed");
		assertThat(Mail.part(proposed, "text/plain").text()).as("before both accept, no address")
			.doesNotContain(pair.mentor.email());

		Events.publish(new MentorshipStarted(Fixtures.unique("mentorship"), Fixtures.unique("match"),
				pair.mentor.programmeId, pair.mentor.organisationId, pair.mentor.id, pair.mentee.id, clock.instant()));

		String toMentee = Mail.part(awaitOne(pair.mentee, "mentorship-started"), "text/plain").text();
		String toMentor = Mail.part(awaitOne(pair.mentor, "mentorship-started"), "text/plain").text();
		assertThat(toMentee).contains("Naslov za stik: " + pair.mentor.email())
			.doesNotContain(pair.mentee.email());
		assertThat(toMentor).contains("Their address: " + pair.mentee.email())
			.doesNotContain(pair.mentor.email());
	}

	@Test
	void aMessageIsAnnouncedToTheOtherMemberInHerLanguageWithoutItsTextAndWaitsForHerDigest() {
		Pair pair = enrolledPair("sl");
		awaitOne(pair.mentee, "enrolment-confirmed");
		String menteeToken = TestTokens.shared().participant(pair.mentee.id, pair.mentee.organisationId, "mentee");
		String mentorship = Fixtures.unique("mentorship");

		Events.publish(new MessagePosted(Fixtures.unique("msg"), mentorship, pair.mentor.programmeId,
				pair.mentor.organisationId, pair.mentor.id, "MENTOR", pair.mentee.id, clock.instant()));

		MimeMessage notice = awaitOne(pair.mentee, "message-received");
		assertThat(Mail.subject(notice)).isEqualTo("Novo sporočilo: Marko Horvat");
		assertThat(Mail.part(notice, "text/plain").text()).contains("Vaš mentor / Vaša mentorica")
			.contains("/mentorships/" + mentorship + "/messages");
		assertThat(mails(pair.mentor, "message-received")).as("the author is not told of her own message").isEmpty();
		eventually().until(() -> api().get("/api/v1/notifications", menteeToken).json().path("items")
			.findValuesAsString("kind").contains("message-received"));

		// a notice of a message can wait: with a daily digest it goes into the digest
		assertThat(api().put("/api/v1/participants/" + pair.mentee.id + "/notification-preferences", menteeToken,
				Map.of("digest", "DAILY", "digestAt", "08:00")).status()).isEqualTo(200);
		Events.Published second = Events.publish(new MessagePosted(Fixtures.unique("msg"), mentorship,
				pair.mentor.programmeId, pair.mentor.organisationId, pair.mentor.id, "MENTOR", pair.mentee.id,
				clock.instant()));
		String key = Delivery.keyFor(second.id(), pair.mentee.id, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).isPresent());
		assertThat(deliveries.findById(key).orElseThrow().digest()).isTrue();
		assertThat(mails(pair.mentee, "message-received")).hasSize(1);
	}

	private static MatchProposed proposal(Pair pair) {
		return new MatchProposed(Fixtures.unique("match"), pair.mentor.programmeId, pair.mentor.organisationId, null,
				"MANUAL", pair.mentor.id, pair.mentee.id, 75, List.of(new Contribution("goals", 45, "Goals match")),
				Instant.now().plus(Duration.ofDays(30)), Instant.now());
	}

	/** A mentor (English) and a mentee (in the given language), enrolled with contact details. */
	private Pair enrolledPair(String menteeLocale) {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organisationId, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeId, organisationId).speaking("en");
		Person mentee = Fixtures.aMentee(programmeId, organisationId).speaking(menteeLocale);
		for (Person person : List.of(mentor, mentee)) {
			Events.publish(person.enrolled());
			Events.publish(person.contact());
		}
		eventually().until(() -> List.of(mentor, mentee)
			.stream()
			.allMatch(p -> recipients.find(p.id).map(Recipient::email).isPresent()
					&& recipients.find(p.id).map(Recipient::role).isPresent()));
		return new Pair(mentor, mentee);
	}

	private record Pair(Person mentor, Person mentee) {
	}

	private static List<MimeMessage> mails(Person person, String kind) {
		return Smtp.to(person.email())
			.stream()
			.filter(m -> kind.equals(Mail.header(m, EmailComposer.KIND_HEADER)))
			.toList();
	}

	private static MimeMessage awaitOne(Person person, String kind) {
		eventually().until(() -> !mails(person, kind).isEmpty());
		return mails(person, kind).get(0);
	}

}
