package com.kreativnomentorstvo.notifications.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.recipient.Recipient;
import com.kreativnomentorstvo.notifications.recipient.RecipientDirectory;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import jakarta.mail.internet.MimeMessage;

/**
 * A coordinator's announcement to a programme's cohort, written in English and Serbian (Latin):
 * each person reads it in her language (a Serbian Cyrillic reader in Cyrillic), else in the
 * programme's first language; only the audience chosen gets it; a partner addresses her own
 * organisation's participants only; bad input names its field and sends nothing.
 */
class AnnouncementIT extends ServiceUnderTest {

	private static final Map<String, Object> WRITTEN = Map.of("en",
			Map.of("subject", "Midterm training moves", "body", "The midterm training moves to 14 May."), "sr-Latn",
			Map.of("subject", "Trening na polovini programa je pomeren",
					"body", "Trening na polovini programa pomeren je za 14. maj."));

	@Autowired
	MongoOperations mongo;

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	String programmeId;

	String organiser;

	String partner;

	Person cyrillicMentee;

	Person sloveneMentee;

	Person mentor;

	Person applicant;

	@BeforeEach
	void aProgrammeInEnglishAndSerbianWithACohortOfTwoCountries() {
		programmeId = Fixtures.unique("programme");
		organiser = Fixtures.unique("org");
		partner = Fixtures.unique("org");
		Events.publish(Fixtures.programme(programmeId, organiser, List.of(partner), null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
		cyrillicMentee = known(Fixtures.aMentee(programmeId, organiser).speaking("sr-Cyrl"));
		sloveneMentee = known(Fixtures.aMentee(programmeId, partner).speaking("sl"));
		mentor = known(Fixtures.aMentor(programmeId, organiser).speaking("en"));
		applicant = known(Fixtures.aMentee(programmeId, organiser).speaking("en").applying());
	}

	@Test
	void eachMenteeReadsTheAnnouncementInHerLanguageOrTheProgrammesFirst() {
		Reply sent = api().post(announcements(), TestTokens.shared().coordinator(organiser),
				Map.of("audience", "MENTEES", "texts", WRITTEN));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().path("recipients").asInt()).as("the two admitted mentees").isEqualTo(2);

		MimeMessage cyrillic = awaitOne(cyrillicMentee.email(), "announcement");
		assertThat(Mail.subject(cyrillic)).isEqualTo("Тренинг на половини програма је померен");
		assertThat(Mail.part(cyrillic, "text/plain").text()).contains("Тренинг на половини програма померен је за 14. мај.");
		MimeMessage english = awaitOne(sloveneMentee.email(), "announcement");
		assertThat(Mail.subject(english)).isEqualTo("Midterm training moves");
		assertThat(Mail.part(english, "text/plain").text()).contains("The midterm training moves to 14 May.")
			.contains("Obvestilo koordinacije programa");
		JsonInbox inbox = new JsonInbox(sloveneMentee);
		assertThat(inbox.kinds()).contains("announcement");
		assertThat(toldOf(mentor)).as("mentors were not addressed").isEmpty();
		assertThat(toldOf(applicant)).as("an applicant not admitted takes no part yet").isEmpty();

		Reply listed = api().get(announcements(), TestTokens.shared().coordinator(partner));
		assertThat(listed.json().get(0).path("texts").path("sr-Latn").path("subject").asString())
			.isEqualTo("Trening na polovini programa je pomeren");
	}

	@Test
	void aPartnersCoordinatorAnnouncesToHerOwnOrganisationOnlyAndNobodyElseAtAll() {
		String partnerToken = TestTokens.shared().coordinator(partner);
		assertThat(api().post(announcements(), partnerToken, Map.of("texts", WRITTEN)).status())
			.as("the whole cohort is the organiser's to address").isEqualTo(403);
		Reply own = api().post(announcements(), partnerToken, Map.of("organisationId", partner, "texts", WRITTEN));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(own.json().path("recipients").asInt()).isEqualTo(1);
		awaitOne(sloveneMentee.email(), "announcement");
		assertThat(toldOf(cyrillicMentee)).isEmpty();

		assertThat(api().post(announcements(), mentor.token(), Map.of("texts", WRITTEN)).status()).isEqualTo(403);
		assertThat(api().post(announcements(), TestTokens.shared().coordinator(Fixtures.unique("org")),
				Map.of("texts", WRITTEN)).status()).isEqualTo(404);
		assertThat(api().get(announcements(), TestTokens.shared().coordinator(Fixtures.unique("org"))).status())
			.isEqualTo(404);
		assertThat(api().post(announcements(), null, Map.of("texts", WRITTEN)).status()).isEqualTo(401);
	}

	@Test
	void badInputNamesItsFieldAndSendsNothing() {
		String coordinator = TestTokens.shared().coordinator(organiser);
		Map<String, Object> cases = Map.of("texts", Map.of(), "texts.de",
				Map.of("de", Map.of("subject", "Neu", "body", "Text")), "texts.en.subject",
				Map.of("en", Map.of("subject", " ", "body", "Text")), "texts.en.body",
				Map.of("en", Map.of("subject", "News", "body", "x".repeat(AnnouncementController.MAX_BODY + 1))));
		cases.forEach((field, texts) -> {
			Reply refused = api().post(announcements(), coordinator, Map.of("texts", texts));
			assertThat(refused.status()).as(field + ": " + refused.body()).isBetween(400, 422);
			assertThat(refused.problemFields()).as(field).containsExactly(field);
		});
		Reply foreign = api().post(announcements(), coordinator,
				Map.of("organisationId", Fixtures.unique("org"), "texts", WRITTEN));
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.problemFields()).containsExactly("organisationId");
		assertThat(api().post(announcements(), coordinator, Map.of("audience", "EVERYONE", "texts", WRITTEN)).status())
			.isEqualTo(400);
		assertThat(mongo.count(Query.query(Criteria.where("programmeId").is(programmeId)), "announcements")).isZero();
		assertThat(toldOf(cyrillicMentee)).isEmpty();
	}

	@Test
	void theProgrammeIsNamedInEachReadersLanguageWhereItHasANameThere() {
		ProgrammeDetails plain = Fixtures.programme(programmeId, organiser, List.of(partner), null).programme();
		ProgrammeDetails named = new ProgrammeDetails(plain.programmeId(), plain.organiserId(), plain.partnerIds(),
				plain.name(), plain.startsOn(), plain.endsOn(), plain.timeZone(), plain.languages(), plain.milestones(),
				plain.enrolmentOpensOn(), plain.enrolmentClosesOn(), plain.taxonomy(), plain.matchingPolicy(),
				Map.of("sr-Latn", "Regionalna laboratorija", "sl", "Regionalni laboratorij"));
		Events.publish(new ProgrammeUpdated(named, 1, Instant.now()));
		eventually().until(() -> programmes.find(programmeId).map(p -> p.details().names() != null).orElse(false));

		assertThat(api().post(announcements(), TestTokens.shared().coordinator(organiser),
				Map.of("texts", WRITTEN)).status()).isEqualTo(201);

		assertThat(Mail.part(awaitOne(cyrillicMentee.email(), "announcement"), "text/plain").text())
			.as("a Serbian Latin name, in Cyrillic").contains("Регионална лабораторија");
		assertThat(Mail.part(awaitOne(sloveneMentee.email(), "announcement"), "text/plain").text())
			.contains("Obvestilo koordinacije programa Regionalni laboratorij");
		assertThat(Mail.part(awaitOne(mentor.email(), "announcement"), "text/plain").text())
			.as("no English name: the one for every language").contains("the coordinators of Reg. Lab");
	}

	private String announcements() {
		return "/api/v1/programmes/" + programmeId + "/announcements";
	}

	private Person known(Person person) {
		Events.publish(person.enrolled());
		Events.publish(person.contact());
		eventually().until(() -> recipients.find(person.id).map(Recipient::displayName).isPresent());
		return person;
	}

	private List<Notification> toldOf(Person person) {
		return mongo.find(Query.query(Criteria.where("recipientId").is(person.id).and("kind").is("announcement")),
				Notification.class);
	}

	/** Her inbox as she reads it. */
	private final class JsonInbox {

		private final Person person;

		JsonInbox(Person person) {
			this.person = person;
		}

		List<String> kinds() {
			return api().get("/api/v1/notifications", person.token()).json().path("items").findValuesAsString("kind");
		}

	}

}
