package com.kreativnomentorstvo.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.notifications.Channel;
import com.kreativnomentorstvo.events.participants.CoordinatorContactChanged;
import com.kreativnomentorstvo.notifications.delivery.Deliveries;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.notifications.inbox.Notification;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Coordinator;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.Links;
import com.kreativnomentorstvo.notifications.support.Mail;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.links.SignedLinks;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Coordinators as recipients ("staff"), keyed by their account id: appointment, new applications
 * of their organisation, their own inbox and preferences, and their erasure.
 */
class StaffIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MongoOperations mongo;

	@Autowired
	SignedLinks links;

	@Autowired
	ProgrammeDirectory programmes;

	@Test
	void aNewCoordinatorGetsHerAccountByEmailAndTheApplicationsOfHerOrganisationInHerOwnInbox() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		String otherOrganisation = Fixtures.unique("org");
		knownProgramme(programmeId, organisationId, List.of(otherOrganisation));
		Coordinator coordinator = Fixtures.aCoordinator(organisationId).speaking("sr-Cyrl");
		Coordinator other = Fixtures.aCoordinator(otherOrganisation);
		String linkId = Fixtures.linkId();
		Instant expiresAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

		Events.publish(coordinator.appointed(linkId, expiresAt));
		Events.publish(coordinator.contact());
		Events.publish(other.contact());
		Events.publish(other.appointed(null, null));

		MimeMessage welcome = awaitOne(coordinator.email(), "coordinator-appointed");
		assertThat(Mail.subject(welcome)).isEqualTo("Додељена Вам је улога координатора/ке на платформи за менторство");
		assertThat(Mail.part(welcome, "text/plain").text())
			.contains("Рок важења линка: " + Links.dateTime(expiresAt, "sr-Cyrl", "Europe/Belgrade"))
			.contains("Ову поруку добијате зато што сте координатор/ка на платформи за менторство.");
		String token = Links.token(welcome, "/account/password");
		assertThat(links.linkId("SET_PASSWORD", token)).contains(linkId);
		assertThat(links.linkId("CONFIRM_ADDRESS", token)).isEmpty();
		MimeMessage otherWelcome = awaitOne(other.email(), "coordinator-appointed");
		assertThat(Mail.part(otherWelcome, "text/plain").text()).containsPattern("Sign in: " + Links.PUBLIC_URL + "/\\s");
		ServiceApi api = api();
		JsonNode empty = api.get("/api/v1/notifications", coordinator.token()).json();
		assertThat(empty.path("total").asLong()).isZero(); // the appointment is an e-mail only

		// an application of her organisation reaches her own inbox (not the other organisation's coordinator)
		eventually().until(() -> isStaff(coordinator.accountId) && isStaff(other.accountId));
		Person applicant = Fixtures.aMentor(programmeId, organisationId).named("Ana Kandidatkinja").applying();
		Events.publish(applicant.contact());
		Events.Published enrolment = Events.publish(applicant.enrolled());

		JsonNode inbox = awaitInbox(coordinator.token(), "new-application");
		JsonNode item = inbox.path("items").get(0);
		assertThat(item.path("recipientId").asString()).isEqualTo(coordinator.accountId);
		assertThat(item.path("title").asString()).isEqualTo("Нова пријава за програм Reg. Lab");
		assertThat(item.path("body").asString()).contains("Пријављена особа: Ana Kandidatkinja")
			.contains("Улога: ментор/ка");
		assertThat(item.path("actionUrl").asString()).isEqualTo(Links.PUBLIC_URL + "/participants/" + applicant.id);
		assertThat(api.get("/api/v1/notifications", other.token()).json().path("items").findValuesAsString("kind"))
			.doesNotContain("new-application");
		assertThat(mongo.exists(Query.query(Criteria.where("_id").is(Notification.idFor(enrolment.id(), other.accountId))),
				Notification.class)).isFalse();
		// her inbox is hers: not the other coordinator's, not a participant's
		assertThat(api.get("/api/v1/notifications?recipientId=" + coordinator.accountId, other.token()).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/notifications/" + item.path("id").asString() + "/read", other.token(), "").status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/notifications/" + item.path("id").asString() + "/read", coordinator.token(), "")
			.status()).isEqualTo(200);

		// by e-mail in her daily digest, as coordinators' preferences say until they choose otherwise
		String preferences = "/api/v1/participants/" + coordinator.accountId + "/notification-preferences";
		Reply chosen = api.get(preferences, coordinator.token());
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.json().path("digest").asString()).isEqualTo("DAILY");
		assertThat(chosen.json().path("kinds").has("new-application")).isTrue();
		assertThat(chosen.json().path("kinds").has("match-proposed")).isFalse();
		assertThat(api.get(preferences, other.token()).status()).isEqualTo(404);
		String key = Delivery.keyFor(enrolment.id(), coordinator.accountId, Channel.EMAIL);
		eventually().until(() -> deliveries.findById(key).isPresent());
		Delivery waiting = deliveries.findById(key).orElseThrow();
		assertThat(waiting.digest()).isTrue();
		assertThat(waiting.nextAttemptAt().atZone(BELGRADE).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(mails(coordinator.email(), "new-application")).isEmpty();

		clock.advanceTo(waiting.nextAttemptAt().plusSeconds(30));

		MimeMessage digest = awaitOne(coordinator.email(), "new-application");
		assertThat(Mail.subject(digest)).isEqualTo("Нова пријава за програм Reg. Lab");
		assertThat(Mail.header(digest, "List-Unsubscribe")).isNotNull();
		// she may change that like anyone
		Reply changed = api.put(preferences, coordinator.token(), Map.of("digest", "NONE"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("digest").asString()).isEqualTo("NONE");
	}

	@Test
	void anApplicationOfAnOrganisationWithoutKnownCoordinatorsReachesTheOrganisersCoordinators() {
		String programmeId = Fixtures.unique("programme");
		String organiser = Fixtures.unique("org");
		String partner = Fixtures.unique("org");
		knownProgramme(programmeId, organiser, List.of(partner));
		Coordinator organisers = Fixtures.aCoordinator(organiser);
		Events.publish(organisers.contact());
		eventually().until(() -> isStaff(organisers.accountId));
		Person applicant = Fixtures.aMentee(programmeId, partner).applying();

		Events.publish(applicant.enrolled());

		JsonNode inbox = awaitInbox(organisers.token(), "new-application");
		assertThat(inbox.path("items").get(0).path("body").asString()).contains("Applicant: see the platform")
			.contains("Role: mentee");
		// an admitted or directly enrolled participant is no application
		Person accepted = Fixtures.aMentor(programmeId, partner);
		Events.publish(accepted.enrolled());
		eventually().until(() -> mongo.exists(Query.query(Criteria.where("recipientId").is(accepted.id)),
				Notification.class));
		assertThat(api().get("/api/v1/notifications", organisers.token()).json().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void aRemovedCoordinatorIsErasedAndOnlyANewAppointmentBringsHerBack() {
		String programmeId = Fixtures.unique("programme");
		String organisationId = Fixtures.unique("org");
		knownProgramme(programmeId, organisationId, List.of());
		Coordinator coordinator = Fixtures.aCoordinator(organisationId);
		CoordinatorContactChanged oldContact = coordinator.contact();
		Events.publish(coordinator.appointed(null, null));
		Events.publish(oldContact);
		eventually().until(() -> isStaff(coordinator.accountId));
		Events.publish(Fixtures.aMentee(programmeId, organisationId).applying().enrolled());
		awaitInbox(coordinator.token(), "new-application");
		awaitOne(coordinator.email(), "coordinator-appointed");

		Events.publish(coordinator.removed());

		eventually().until(() -> recipients.isErased(coordinator.accountId) && recipients.find(coordinator.accountId).isEmpty());
		eventually().until(() -> api().get("/api/v1/notifications", coordinator.token()).json().path("total").asLong() == 0);
		assertThat(mongo.exists(Query.query(Criteria.where("_id").is(coordinator.accountId)), Preferences.class)).isFalse();
		assertThat(deliveries.findByRecipientId(coordinator.accountId, Pageable.unpaged()))
			.allSatisfy(d -> assertThat(d.address()).isNull());

		// the contacts topic keeps its history: her old record replayed changes nothing
		Events.publish(oldContact);
		Coordinator marker = Fixtures.aCoordinator(Fixtures.unique("org"));
		Events.publish(marker.contact(), coordinator.accountId); // same key, so applied after the replay
		eventually().until(() -> recipients.find(marker.accountId).isPresent());
		assertThat(recipients.find(coordinator.accountId)).isEmpty();

		// appointed again later: she is back, with her new contact record
		Events.publish(coordinator.appointed(null, null));
		Events.publish(coordinator.contact());
		eventually().until(() -> recipients.find(coordinator.accountId).map(Recipient::email).isPresent());
		assertThat(recipients.isErased(coordinator.accountId)).isFalse();
	}

	@Test
	void aTombstoneOnTheContactsTopicErasesACoordinator() {
		String organisationId = Fixtures.unique("org");
		Coordinator coordinator = Fixtures.aCoordinator(organisationId);
		Events.publish(coordinator.contact());
		Events.publish(coordinator.passwordLink("RESET", Fixtures.linkId(), Instant.now().plus(Duration.ofHours(2))));
		MimeMessage reset = awaitOne(coordinator.email(), "password-link");
		assertThat(Mail.subject(reset)).isEqualTo("Reset your password");
		assertThat(Mail.part(reset, "text/plain").text()).contains("If it was not you, ignore this e-mail")
			.contains("because you are a coordinator on the mentoring platform");

		Events.tombstone(coordinator.accountId);

		eventually().until(() -> recipients.isErased(coordinator.accountId) && recipients.find(coordinator.accountId).isEmpty());
		eventually().until(() -> mongo.find(Query.query(Criteria.where("recipientId").is(coordinator.accountId)),
				Notification.class).isEmpty());
		assertThat(deliveries.findByRecipientId(coordinator.accountId, Pageable.unpaged()))
			.allSatisfy(d -> assertThat(d.address()).isNull());
	}

	private void knownProgramme(String programmeId, String organiser, List<String> partners) {
		Events.publish(Fixtures.programme(programmeId, organiser, partners, null));
		eventually().until(() -> programmes.find(programmeId).isPresent());
	}

	private boolean isStaff(String accountId) {
		return recipients.find(accountId).map(Recipient::isStaff).orElse(false);
	}

}
