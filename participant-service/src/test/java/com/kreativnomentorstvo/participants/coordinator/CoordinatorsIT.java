package com.kreativnomentorstvo.participants.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.account.AccountLink;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.links.SignedLinks;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * An organisation's coordinators are appointed without an administrator at the identity provider:
 * an account is found or made for her, with a link to set its password; she is told of nothing
 * twice, hidden from other organisations, and her removal takes her role (and her account, if no
 * enrolment needs it) and leaves a tombstone of her contact details.
 */
class CoordinatorsIT extends ServiceIT {

	private static final String PASSWORD = "a long and memorable phrase";

	@Autowired
	SignedLinks signedLinks;

	@Test
	void anAdministratorAppointsANewCoordinatorWhoGetsAnAccountAndALinkToSetHerPassword() {
		String organisation = newOrganisation("RS");
		String email = "ana-" + Fixtures.unique() + "@example.org";

		Reply appointed = api.post(coordinators(organisation), admin, appointment("Ana Petrović", email, "sr-Latn"));

		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		String accountId = appointed.text("accountId");
		assertThat(appointed.header("Location")).endsWith(coordinators(organisation) + "/" + accountId);
		assertThat(appointed.text("organisationId")).isEqualTo(organisation);
		assertThat(appointed.text("appointedBy")).isEqualTo("admin@org-platform");
		Account account = accounts.find(accountId).orElseThrow();
		assertThat(account.email()).isEqualTo(email);
		assertThat(account.roles()).containsExactly("coordinator");
		assertThat(account.organisationId()).isEqualTo(organisation);
		assertThat(account.passwordSet()).isFalse();

		JsonNode appointment = data(awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_APPOINTED.typeName(),
				accountId));
		assertThat(appointment.path("organisationId").asString()).isEqualTo(organisation);
		assertThat(appointment.path("passwordLinkId").asString()).isNotBlank();
		assertThat(appointment.path("passwordLinkExpiresAt").asString()).isNotBlank();
		assertThat(appointment.toString()).doesNotContain(email).doesNotContain("Ana");
		JsonNode contact = data(awaitEvent(Topics.PARTICIPANT_CONTACTS,
				EventType.COORDINATOR_CONTACT_CHANGED.typeName(), accountId));
		assertThat(contact.path("email").asString()).isEqualTo(email);
		assertThat(contact.path("displayName").asString()).isEqualTo("Ana Petrović");
		assertThat(contact.path("preferredLocale").asString()).isEqualTo("sr-Latn");

		Reply set = api.post("/api/v1/account/password", null, Map.of("token",
				signedLinks.token("SET_PASSWORD", appointment.path("passwordLinkId").asString()), "password", PASSWORD));
		assertThat(set.status()).as(set.toString()).isEqualTo(204);
		assertThat(accounts.password(accountId)).contains(PASSWORD);

		String her = TOKENS.token().subject(accountId).organisation(organisation).roles("coordinator").sign();
		Reply listed = api.get(coordinators(organisation), her);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().path("total").asLong()).isEqualTo(1);
		assertThat(listed.json().path("items").get(0).path("email").asString()).isEqualTo(email);
	}

	@Test
	void appointingAParticipantsAccountKeepsHerRolesAndHerRemovalKeepsTheAccountHerEnrolmentNeeds() {
		String organisation = newOrganisation("HR");
		String partner = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(partner));
		Json mentor = Fixtures.aMentor(programme, partner);
		String participantId = enrol(mentor);
		String accountId = TestTokens.accountOf(participantId);
		String email = (String) mentor.get("email");
		accounts.add(new Account(accountId, email, "Person", "sl", partner, List.of("mentor"), true, true));
		String coordinator = TOKENS.coordinator(organisation);

		Reply appointed = api.post(coordinators(organisation), coordinator, appointment("Maja Novak", email, "sl"));

		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		assertThat(appointed.text("accountId")).isEqualTo(accountId);
		Account account = accounts.find(accountId).orElseThrow();
		assertThat(account.roles()).containsExactly("mentor", "coordinator");
		assertThat(account.organisationId()).isEqualTo(organisation);
		JsonNode appointment = data(awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_APPOINTED.typeName(),
				accountId));
		assertThat(appointment.has("passwordLinkId")).as("she has a password").isFalse();

		assertThat(api.delete(coordinators(organisation) + "/" + accountId, coordinator).status()).isEqualTo(204);

		Account kept = accounts.find(accountId).orElseThrow();
		assertThat(kept.roles()).containsExactly("mentor");
		assertThat(kept.organisationId()).isEqualTo(partner);
		awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_REMOVED.typeName(), accountId);
		assertThat(api.get("/api/v1/participants/" + participantId, admin).status()).isEqualTo(200);

		// once her tombstone is written, she can be appointed again, here or elsewhere
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mongo.findById(accountId, Document.class, "coordinators").containsKey("tombstonePending"));
		Reply again = api.post(coordinators(partner), TOKENS.coordinator(partner), appointment("Maja", email, "sl"));
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.text("organisationId")).isEqualTo(partner);
		assertThat(accounts.find(accountId).orElseThrow().roles()).containsExactly("mentor", "coordinator");
		EventRecords.await(Topics.PARTICIPANTS,
				r -> EventRecords.event(EventType.COORDINATOR_APPOINTED.typeName(), accountId).test(r)
						&& EventRecords.value(r).contains(partner));
	}

	@Test
	void anAccountMadeACoordinatorAtTheProviderIsTakenOverByItsAppointmentInItsOrganisationOnly() {
		String organisation = newOrganisation("RS");
		String other = newOrganisation("MK");
		String email = "persona-" + Fixtures.unique() + "@example.org";
		Account persona = accounts.add(new Account("acc-" + Fixtures.unique(), email, "Persona", "en", organisation,
				List.of("coordinator"), true, true));

		Reply elsewhere = api.post(coordinators(other), admin, appointment("Persona", email, "en"));
		Reply appointed = api.post(coordinators(organisation), admin, appointment("Persona", email, "en"));

		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(409);
		assertThat(elsewhere.problemFields()).containsExactly("email");
		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		assertThat(appointed.text("accountId")).isEqualTo(persona.id());
		assertThat(accounts.find(persona.id()).orElseThrow()).isEqualTo(persona);
	}

	@Test
	void appointingTheSameAddressTwiceAnswersTheCoordinatorAndSendsNothingAgain() {
		String organisation = newOrganisation("MK");
		String email = "twice-" + Fixtures.unique() + "@example.org";
		Reply first = api.post(coordinators(organisation), admin, appointment("Elena", email, "mk"));
		String accountId = first.text("accountId");
		awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_APPOINTED.typeName(), accountId);

		Reply second = api.post(coordinators(organisation), TOKENS.coordinator(organisation),
				appointment("Elena Other", email.toUpperCase(), "en"));

		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.text("accountId")).isEqualTo(accountId);
		assertThat(second.text("displayName")).isEqualTo("Elena");
		assertThat(second.etag()).as("nothing changed").isEqualTo(first.etag());
		assertThat(mongo.count(Query.query(Criteria.where("accountId").is(accountId)), AccountLink.class))
			.as("one link").isEqualTo(1);
		assertThat(records(Topics.PARTICIPANTS,
				EventRecords.event(EventType.COORDINATOR_APPOINTED.typeName(), accountId))).hasSize(1);
		assertThat(api.get(coordinators(organisation), admin).json().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void anotherOrganisationsCoordinatorNeitherSeesNorAppointsNorRemovesTheCoordinators() {
		String organisation = newOrganisation("RS");
		String other = newOrganisation("HR");
		String email = "hidden-" + Fixtures.unique() + "@example.org";
		String accountId = api.post(coordinators(organisation), admin, appointment("Vesna", email, "sr-Cyrl"))
			.text("accountId");
		String stranger = TOKENS.coordinator(other);
		String mentor = TOKENS.participant("p-" + Fixtures.unique(), organisation, "mentor");

		for (String token : List.of(stranger, mentor)) {
			assertThat(api.get(coordinators(organisation), token).status()).isEqualTo(404);
			assertThat(api.post(coordinators(organisation), token,
					appointment("Intruder", "intruder-" + Fixtures.unique() + "@example.org", "en")).status())
				.isEqualTo(404);
			assertThat(api.get(coordinators(organisation) + "/" + accountId, token).status()).isEqualTo(404);
			assertThat(api.patch(coordinators(organisation) + "/" + accountId, token,
					Map.of("displayName", "Renamed"), "\"0\"").status()).isEqualTo(404);
			assertThat(api.post(coordinators(organisation) + "/" + accountId + "/invitation", token, null).status())
				.isEqualTo(404);
			assertThat(api.delete(coordinators(organisation) + "/" + accountId, token).status()).isEqualTo(404);
		}
		assertThat(api.get(coordinators("org-unknown-" + Fixtures.unique()), admin).status()).isEqualTo(404);

		assertThat(accounts.find(accountId).orElseThrow().roles()).containsExactly("coordinator");
		assertThat(api.get(coordinators(organisation), admin).json().path("total").asLong()).isEqualTo(1);
		Reply elsewhere = api.post(coordinators(other), stranger, appointment("Vesna", email, "hr"));
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(409);
		assertThat(elsewhere.problemFields()).containsExactly("email");
		assertThat(accounts.find(accountId).orElseThrow().organisationId()).isEqualTo(organisation);
	}

	@Test
	void removingACoordinatorTakesHerRoleAndAccountAndLeavesATombstoneAfterHerContact() {
		String organisation = newOrganisation("SI");
		String email = "leaving-" + Fixtures.unique() + "@example.org";
		String accountId = api.post(coordinators(organisation), admin, appointment("Petra", email, "sl"))
			.text("accountId");
		awaitEvent(Topics.PARTICIPANT_CONTACTS, EventType.COORDINATOR_CONTACT_CHANGED.typeName(), accountId);

		Reply removed = api.delete(coordinators(organisation) + "/" + accountId, TOKENS.coordinator(organisation));

		assertThat(removed.status()).isEqualTo(204);
		assertThat(accounts.find(accountId)).as("no enrolment needs her account").isEmpty();
		JsonNode removal = data(awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_REMOVED.typeName(), accountId));
		assertThat(removal.path("organisationId").asString()).isEqualTo(organisation);
		EventRecords.await(Topics.PARTICIPANT_CONTACTS, r -> accountId.equals(r.key()) && r.value() == null);
		List<ConsumerRecord<String, byte[]>> hers = records(Topics.PARTICIPANT_CONTACTS,
				r -> accountId.equals(r.key()));
		assertThat(hers.get(hers.size() - 1).value()).as("the tombstone is her last contact record").isNull();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mongo.findById(accountId, Document.class, "coordinators").containsKey("tombstonePending"));
		Document stored = mongo.findById(accountId, Document.class, "coordinators");
		assertThat(stored.toJson()).doesNotContain(email).doesNotContain("Petra");
		assertThat(api.get(coordinators(organisation), admin).json().path("total").asLong()).isZero();
		assertThat(mongo.count(Query.query(Criteria.where("recipientId").is(accountId)), AccountLink.class)).isZero();

		assertThat(api.delete(coordinators(organisation) + "/" + accountId, admin).status()).as("idempotent")
			.isEqualTo(204);
		assertThat(records(Topics.PARTICIPANTS, EventRecords.event(EventType.COORDINATOR_REMOVED.typeName(),
				accountId))).hasSize(1);
	}

	@Test
	void theInvitationIsSentAgainUntilSheHasChosenAPasswordAndOnlyTheLatestLinkWorks() {
		String organisation = newOrganisation("HR");
		String accountId = api.post(coordinators(organisation), admin,
				appointment("Iva", "iva-" + Fixtures.unique() + "@example.org", "hr")).text("accountId");
		JsonNode appointment = data(awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_APPOINTED.typeName(),
				accountId));

		Reply resent = api.post(coordinators(organisation) + "/" + accountId + "/invitation",
				TOKENS.coordinator(organisation), null);

		assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
		JsonNode issued = data(awaitEvent(Topics.PARTICIPANTS, EventType.PASSWORD_LINK_ISSUED.typeName(), accountId));
		assertThat(issued.path("purpose").asString()).isEqualTo("INVITATION");
		assertThat(issued.path("recipientId").asString()).isEqualTo(accountId);
		assertThat(issued.path("accountId").asString()).isEqualTo(accountId);
		assertThat(issued.has("programmeId")).isFalse();
		Reply withOld = api.post("/api/v1/account/password", null, Map.of("token",
				signedLinks.token("SET_PASSWORD", appointment.path("passwordLinkId").asString()), "password", PASSWORD));
		assertThat(withOld.status()).isEqualTo(422);
		Reply withNew = api.post("/api/v1/account/password", null,
				Map.of("token", signedLinks.token("SET_PASSWORD", issued.path("linkId").asString()), "password",
						PASSWORD));
		assertThat(withNew.status()).as(withNew.toString()).isEqualTo(204);

		Reply again = api.post(coordinators(organisation) + "/" + accountId + "/invitation", admin, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).endsWith("password-set");
	}

	@Test
	void aCoordinatorWithoutEnrolmentsGetsAPasswordResetLink() {
		String organisation = newOrganisation("MK");
		String email = "forgot-" + Fixtures.unique() + "@example.org";
		String accountId = api.post(coordinators(organisation), admin, appointment("Marija", email, "mk"))
			.text("accountId");
		JsonNode appointment = data(awaitEvent(Topics.PARTICIPANTS, EventType.COORDINATOR_APPOINTED.typeName(),
				accountId));
		api.post("/api/v1/account/password", null, Map.of("token",
				signedLinks.token("SET_PASSWORD", appointment.path("passwordLinkId").asString()), "password", PASSWORD));

		Reply asked = api.submit("/account/reset", Map.of("email", email));

		assertThat(asked.status()).isEqualTo(200);
		JsonNode issued = data(awaitEvent(Topics.PARTICIPANTS, EventType.PASSWORD_LINK_ISSUED.typeName(), accountId));
		assertThat(issued.path("purpose").asString()).isEqualTo("RESET");
		assertThat(issued.path("recipientId").asString()).isEqualTo(accountId);
		assertThat(issued.path("organisationId").asString()).isEqualTo(organisation);
		Reply reset = api.post("/api/v1/account/password", null, Map.of("token",
				signedLinks.token("SET_PASSWORD", issued.path("linkId").asString()), "password", "another long phrase"));
		assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
		assertThat(accounts.password(accountId)).contains("another long phrase");
	}

	@Test
	void sheCorrectsHerNameAndLanguageWhichIsANewContactRecord() {
		String organisation = newOrganisation("RS");
		String email = "rename-" + Fixtures.unique() + "@example.org";
		Reply appointed = api.post(coordinators(organisation), admin, appointment("Jelena", email, "sr-Latn"));
		String accountId = appointed.text("accountId");
		String her = TOKENS.token().subject(accountId).organisation(organisation).roles("coordinator").sign();
		String path = coordinators(organisation) + "/" + accountId;

		assertThat(api.patch(path, her, Map.of("displayName", "Jelena J."), null).status()).isEqualTo(428);
		assertThat(api.patch(path, her, Map.of("email", "other@example.org"), appointed.etag()).problemFields())
			.containsExactly("email");
		assertThat(api.patch(path, her, Json.object().with("displayName", null), appointed.etag()).status())
			.isEqualTo(422);
		Reply changed = api.patch(path, her, Map.of("displayName", "Jelena Jovanović", "preferredLocale", "sr-Cyrl"),
				appointed.etag());

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.text("displayName")).isEqualTo("Jelena Jovanović");
		assertThat(changed.etag()).isNotEqualTo(appointed.etag());
		ConsumerRecord<String, byte[]> contact = EventRecords.await(Topics.PARTICIPANT_CONTACTS,
				r -> EventRecords.event(EventType.COORDINATOR_CONTACT_CHANGED.typeName(), accountId).test(r)
						&& EventRecords.value(r).contains("Jelena Jovanović"));
		EventAssertions.assertContractKept(contact);
		assertThat(data(contact).path("preferredLocale").asString()).isEqualTo("sr-Cyrl");
		assertThat(data(contact).path("email").asString()).isEqualTo(email);
		assertThat(api.patch(path, her, Map.of("displayName", "Stale"), appointed.etag()).status()).isEqualTo(412);
	}

	@Test
	void whileTheIdentityProviderIsDownNothingIsAppointedRemovedOrSent() {
		String organisation = newOrganisation("HR");
		String email = "down-" + Fixtures.unique() + "@example.org";

		Reply refused = whileDown(() -> api.post(coordinators(organisation), admin, appointment("Dora", email, "hr")));

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(accounts.findByEmail(email)).isEmpty();
		assertThat(mongo.exists(Query.query(Criteria.where("organisationId").is(organisation)), Coordinator.class))
			.as("nothing stored").isFalse();

		String accountId = api.post(coordinators(organisation), admin, appointment("Dora", email, "hr"))
			.text("accountId");
		assertThat(whileDown(() -> api.delete(coordinators(organisation) + "/" + accountId, admin)).status())
			.isEqualTo(503);
		assertThat(whileDown(() -> api.post(coordinators(organisation) + "/" + accountId + "/invitation", admin,
				null)).status()).isEqualTo(503);
		assertThat(accounts.find(accountId).orElseThrow().roles()).containsExactly("coordinator");
		assertThat(api.get(coordinators(organisation), admin).json().path("total").asLong()).isEqualTo(1);
		assertThat(mongo.count(Query.query(Criteria.where("accountId").is(accountId)), AccountLink.class))
			.as("only the appointment's link").isEqualTo(1);
	}

	private Reply whileDown(java.util.function.Supplier<Reply> call) {
		accounts.down(true);
		try {
			return call.get();
		}
		finally {
			accounts.down(false);
		}
	}

	private static String coordinators(String organisation) {
		return "/api/v1/organisations/" + organisation + "/coordinators";
	}

	private static Map<String, String> appointment(String name, String email, String locale) {
		return Map.of("displayName", name, "email", email, "preferredLocale", locale);
	}

	private static JsonNode data(ConsumerRecord<String, byte[]> record) {
		return Json.tree(EventRecords.value(record));
	}

}
