package com.kreativnomentorstvo.participants.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.links.SignedLinks;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * People who have no account yet get in: an outsider reads a public call, applies with answers to
 * the programme's questions, confirms her address through the e-mailed link, is admitted with an
 * account made for her, sets its password through the link; one account holds enrolments in two
 * programmes; erasure takes the account with the last enrolment. Links work once, only with their
 * signature; bad input is refused naming the field, and nothing is stored.
 */
class OnboardingIT extends ServiceIT {

	private static final List<String> LANGUAGES = List.of("en", "sr-Latn", "hr", "mk", "sl");

	@Autowired
	SignedLinks signedLinks;

	@Autowired
	ExpiredApplications expiredApplications;

	@Test
	void anOutsiderReadsTheCallAppliesConfirmsIsAdmittedAndSetsHerPassword() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("MK");
		String programme = programmeWithCall(organiser, partner);
		String coordinator = TOKENS.coordinator(organiser);

		Reply call = api.get("/api/v1/calls/" + programme, null);
		assertThat(call.status()).as(call.toString()).isEqualTo(200);
		assertThat(call.json().path("texts").path("mk").path("summary").asString()).contains("менторство");
		assertThat(call.json().path("questions")).hasSize(3);
		assertThat(call.json().path("organisations")).extracting(o -> o.path("id").asString())
			.containsExactlyInAnyOrder(organiser, partner);
		List<String> open = new java.util.ArrayList<>();
		for (int page = 0; page < 50; page++) {
			JsonNode items = api.get("/api/v1/calls?size=100&page=" + page, null).json().path("items");
			items.forEach(item -> open.add(item.path("programmeId").asString()));
			if (items.size() < 100) {
				break;
			}
		}
		assertThat(open).as("every open call is listed, without a token").contains(programme);

		String email = "mila-" + Fixtures.unique() + "@example.org";
		Reply applied = api.post("/api/v1/applications", null, application(programme, partner, email));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
		assertThat(applied.text("status")).isEqualTo("AWAITING_CONFIRMATION");
		String id = applied.text("participantId");

		// nothing counts before she confirms: coordinators do not see her, no enrolment is announced
		assertThat(api.get("/api/v1/participants/" + id, coordinator).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/participants?programmeId=" + programme, coordinator).json().path("total").asLong())
			.isZero();
		JsonNode submitted = data(awaitEvent(Topics.PARTICIPANTS, EventType.APPLICATION_SUBMITTED.typeName(), id));
		assertThat(EventRecords.value(awaitEvent(Topics.PARTICIPANT_CONTACTS,
				EventType.PARTICIPANT_CONTACT_CHANGED.typeName(), id))).contains(email);
		assertThat(records(Topics.PARTICIPANTS, EventRecords.event(EventType.PARTICIPANT_ENROLLED.typeName(), id)))
			.isEmpty();

		Reply confirmed = api.post("/api/v1/applications/confirmations", null,
				Map.of("token", confirmationToken(submitted)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.text("status")).isEqualTo("APPLIED");
		awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ENROLLED.typeName(), id);
		// she applied through the partner: its coordinators review her, the organiser's see her card
		String partnerCoordinator = TOKENS.coordinator(partner);
		Reply seen = api.get("/api/v1/participants/" + id, partnerCoordinator);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().path("answers")).hasSize(2);
		Reply card = api.get("/api/v1/participants/" + id, coordinator);
		assertThat(card.status()).isEqualTo(200);
		assertThat(card.json().has("answers")).isFalse();
		assertThat(card.body()).doesNotContain(email);
		assertThat(api.post("/api/v1/participants/" + id + "/accept", coordinator, "{}").status()).isEqualTo(403);

		Reply admitted = api.post("/api/v1/participants/" + id + "/accept", partnerCoordinator, "{}");
		assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
		String accountId = admitted.text("accountId");
		Account account = accounts.find(accountId).orElseThrow();
		assertThat(account.email()).isEqualTo(email);
		assertThat(account.roles()).containsExactly("mentee");
		assertThat(account.organisationId()).isEqualTo(partner);
		JsonNode admission = data(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ADMITTED.typeName(), id));
		assertThat(admission.path("accountId").asString()).isEqualTo(accountId);

		String passwordToken = signedLinks.token("SET_PASSWORD", admission.path("passwordLinkId").asString());
		Reply set = api.post("/api/v1/account/password", null,
				Map.of("token", passwordToken, "password", "a long and memorable phrase"));
		assertThat(set.status()).as(set.toString()).isEqualTo(204);
		assertThat(accounts.password(accountId)).contains("a long and memorable phrase");
		Reply again = api.post("/api/v1/account/password", null,
				Map.of("token", passwordToken, "password", "another long phrase here"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.problemFields()).containsExactly("token");

		// her account now finds her enrolment, with no edit at the identity provider
		String herToken = TOKENS.token().subject(accountId).organisation(partner).roles("mentee").sign();
		assertThat(api.get("/api/v1/participants/" + id, herToken).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/participants/" + id + "/invitation", partnerCoordinator, null).status())
			.as("her password is set: nothing to send again").isEqualTo(409);
	}

	@Test
	void aPasswordLinkCanBeSentAgainAndOnlyTheLatestWorks() {
		String organiser = newOrganisation("HR");
		String programme = programmeWithCall(organiser);
		String coordinator = TOKENS.coordinator(organiser);
		String id = confirmedApplication(programme, organiser, "ivo-" + Fixtures.unique() + "@example.org");
		api.post("/api/v1/participants/" + id + "/accept", coordinator, "{}");
		JsonNode admission = data(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ADMITTED.typeName(), id));

		Reply resent = api.post("/api/v1/participants/" + id + "/invitation", coordinator, null);
		assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
		JsonNode issued = data(awaitEvent(Topics.PARTICIPANTS, EventType.PASSWORD_LINK_ISSUED.typeName(), id));
		assertThat(issued.path("purpose").asString()).isEqualTo("INVITATION");

		Reply withOld = api.post("/api/v1/account/password", null,
				Map.of("token", signedLinks.token("SET_PASSWORD", admission.path("passwordLinkId").asString()),
						"password", "a long and memorable phrase"));
		assertThat(withOld.status()).isEqualTo(422);
		assertThat(withOld.json().path("errors").get(0).path("message").asString()).contains("replaced");
		Reply withNew = api.post("/api/v1/account/password", null,
				Map.of("token", signedLinks.token("SET_PASSWORD", issued.path("linkId").asString()), "password",
						"a long and memorable phrase"));
		assertThat(withNew.status()).as(withNew.toString()).isEqualTo(204);
	}

	@Test
	void linksWorkOnlyWithTheirOwnSignatureAndPurpose() {
		String organiser = newOrganisation("SI");
		String programme = programmeWithCall(organiser);
		Reply applied = api.post("/api/v1/applications", null,
				application(programme, organiser, "tina-" + Fixtures.unique() + "@example.org"));
		String id = applied.text("participantId");
		String linkId = data(awaitEvent(Topics.PARTICIPANTS, EventType.APPLICATION_SUBMITTED.typeName(), id))
			.path("confirmationLinkId").asString();

		for (String forged : List.of(linkId, linkId + ".AAAA", signedLinks.token("SET_PASSWORD", linkId),
				new SignedLinks("somebody-elses-secret-key").token("CONFIRM_ADDRESS", linkId))) {
			Reply refused = api.post("/api/v1/applications/confirmations", null, Map.of("token", forged));
			assertThat(refused.status()).as(forged).isEqualTo(422);
			assertThat(refused.problemFields()).containsExactly("token");
		}
		assertThat(api.get("/api/v1/participants?programmeId=" + programme, admin).json().path("total").asLong())
			.isZero();
		assertThat(api.post("/api/v1/applications/confirmations", null,
				Map.of("token", signedLinks.token("CONFIRM_ADDRESS", linkId))).status()).isEqualTo(200);
	}

	@Test
	void badApplicationsAreRefusedNamingTheFieldAndStoreNothing() {
		String organiser = newOrganisation("RS");
		String other = newOrganisation("HR");
		String programme = programmeWithCall(organiser);
		String closed = newProgramme(Fixtures.aProgramme(organiser)
			.with("enrolmentOpensOn", Fixtures.today().minusDays(30).toString())
			.with("enrolmentClosesOn", Fixtures.today().minusDays(2).toString()));
		String email = "bad-" + Fixtures.unique() + "@example.org";

		assertThat(api.post("/api/v1/applications", null, application("prog-unknown-" + Fixtures.unique(), organiser,
				email)).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/calls/" + closed, null).status()).isEqualTo(404);
		assertRefused(api.post("/api/v1/applications", null, application(closed, organiser, email)), 422,
				"programmeId");
		assertRefused(api.post("/api/v1/applications", null, application(programme, other, email)), 422,
				"organisationId");
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email)
			.with("answers", List.of(Map.of("questionId", "organisation-kind", "choices", List.of("ngo"))))), 422,
				"answers");
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email)
			.with("answers", List.of(Map.of("questionId", "project-idea", "text", "An archive"),
					Map.of("questionId", "organisation-kind", "choices", List.of("company"))))), 422,
				"answers[1].choices");
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email)
			.with("answers", List.of(Map.of("questionId", "project-idea", "text", "x".repeat(501)),
					Map.of("questionId", "organisation-kind", "choices", List.of("ngo"))))), 422,
				"answers[0].text");
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email)
			.with("answers", List.of(Map.of("questionId", "favourite-colour", "text", "blue")))), 422,
				"answers[0].questionId", "answers", "answers");
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email)
			.with("id", "p-chosen-" + Fixtures.unique())), 422, "id");
		assertThat(mongo.exists(Query.query(Criteria.where("programmeId").is(programme)), Participant.class))
			.as("nothing stored").isFalse();

		assertThat(api.post("/api/v1/applications", null, application(programme, organiser, email)).status())
			.isEqualTo(202);
		assertRefused(api.post("/api/v1/applications", null, application(programme, organiser, email.toUpperCase())),
				409, "email");
	}

	@Test
	void oneAddressCannotFloodTheApplicationQueue() {
		String organiser = newOrganisation("MK");
		String programme = programmeWithCall(organiser);
		String email = "flood-" + Fixtures.unique() + "@example.org";

		List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(api.post("/api/v1/applications", null, application(programme, organiser, email)).status());
		}

		assertThat(statuses).containsExactly(202, 409, 409, 409, 409, 429);
		Reply limited = api.post("/api/v1/applications", null, application(programme, organiser, email));
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(limited.problemFields()).containsExactly("email");
	}

	@Test
	void onePersonHoldsEnrolmentsInTwoProgrammesWithOneAccount() {
		String organiser = newOrganisation("RS");
		String coordinator = TOKENS.coordinator(organiser);
		String first = programmeWithCall(organiser);
		String second = programmeWithCall(organiser);
		String email = "returning-" + Fixtures.unique() + "@example.org";

		String inFirst = confirmedApplication(first, organiser, email);
		String accountId = api.post("/api/v1/participants/" + inFirst + "/accept", coordinator, "{}").text("accountId");
		JsonNode admission = data(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ADMITTED.typeName(), inFirst));
		api.post("/api/v1/account/password", null, Map.of("token",
				signedLinks.token("SET_PASSWORD", admission.path("passwordLinkId").asString()), "password",
				"a long and memorable phrase"));

		String inSecond = confirmedApplication(second, organiser, email);
		Reply admittedAgain = api.post("/api/v1/participants/" + inSecond + "/accept", coordinator, "{}");

		assertThat(admittedAgain.text("accountId")).isEqualTo(accountId);
		JsonNode secondAdmission = data(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ADMITTED.typeName(),
				inSecond));
		assertThat(secondAdmission.has("passwordLinkId")).as("she has a password already").isFalse();
		String her = TOKENS.token().subject(accountId).organisation(organiser).roles("mentee").sign();
		assertThat(api.get("/api/v1/participants", her).json().path("items"))
			.extracting(item -> item.path("id").asString())
			.containsExactlyInAnyOrder(inFirst, inSecond);
		assertThat(api.get("/api/v1/programmes?size=100", her).json().path("items"))
			.extracting(item -> item.path("id").asString())
			.contains(first, second);

		// erasing one enrolment keeps the account the other needs; erasing the other deletes it
		assertThat(api.delete("/api/v1/participants/" + inFirst, her).status()).isEqualTo(204);
		assertThat(accounts.find(accountId)).isPresent();
		assertThat(api.delete("/api/v1/participants/" + inSecond, her).status()).isEqualTo(204);
		assertThat(accounts.find(accountId)).isEmpty();
		assertThat(mongo.find(Query.query(Criteria.where("accountId").is(accountId)), Participant.class)).isEmpty();
	}

	@Test
	void anAdmissionWhileTheIdentityProviderIsDownChangesNothing() {
		String organiser = newOrganisation("SI");
		String programme = programmeWithCall(organiser);
		String coordinator = TOKENS.coordinator(organiser);
		String id = confirmedApplication(programme, organiser, "down-" + Fixtures.unique() + "@example.org");

		accounts.down(true);
		Reply refused;
		try {
			refused = api.post("/api/v1/participants/" + id + "/accept", coordinator, "{}");
		}
		finally {
			accounts.down(false);
		}

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(api.get("/api/v1/participants/" + id, coordinator).text("status")).isEqualTo("APPLIED");
		assertThat(api.post("/api/v1/participants/" + id + "/accept", coordinator, "{}").text("status"))
			.isEqualTo("ACCEPTED");
	}

	@Test
	void anApplicationNotConfirmedInTimeIsErasedWithItsContactDetails() {
		String organiser = newOrganisation("HR");
		String programme = programmeWithCall(organiser);
		String email = "late-" + Fixtures.unique() + "@example.org";
		String id = api.post("/api/v1/applications", null, application(programme, organiser, email))
			.text("participantId");
		JsonNode submitted = data(awaitEvent(Topics.PARTICIPANTS, EventType.APPLICATION_SUBMITTED.typeName(), id));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("pendingUntil", Instant.now().minusSeconds(1)), Participant.class);

		assertThat(expiredApplications.run()).isGreaterThanOrEqualTo(1);

		awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ERASED.typeName(), id);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> EventRecords.all(Topics.PARTICIPANT_CONTACTS)
				.stream()
				.anyMatch(record -> id.equals(record.key()) && record.value() == null));
		Reply late = api.post("/api/v1/applications/confirmations", null,
				Map.of("token", confirmationToken(submitted)));
		assertThat(late.status()).isEqualTo(422);
		assertThat(api.post("/api/v1/applications", null, application(programme, organiser, email)).status())
			.as("she may apply again").isEqualTo(202);
	}

	@Test
	void thePagesOfTheLinksAskBeforeTheyActAndSpeakTheApplicantsLanguage() {
		String organiser = newOrganisation("MK");
		String programme = programmeWithCall(organiser);
		String id = api.post("/api/v1/applications", null, application(programme, organiser,
				"page-" + Fixtures.unique() + "@example.org").with("preferredLocale", "mk")).text("participantId");
		String token = confirmationToken(
				data(awaitEvent(Topics.PARTICIPANTS, EventType.APPLICATION_SUBMITTED.typeName(), id)));

		Reply page = api.page("/applications/confirm?token=" + token, "en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("lang=\"mk\"").contains("Потврдете ја вашата е-адреса")
			.contains("name=\"token\"");
		assertThat(api.get("/api/v1/participants/" + id, admin).status()).as("opening the page confirms nothing")
			.isEqualTo(404);

		Reply done = api.submit("/applications/confirm", Map.of("token", token));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("Вашата адреса е потврдена");
		Reply twice = api.submit("/applications/confirm", Map.of("token", token));
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.body()).contains("Оваа врска е веќе искористена").doesNotContain("Exception");

		Reply refused = api.page("/account/password?token=nonsense", "hr-HR,hr;q=0.9,en;q=0.5");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("lang=\"hr\"").contains("Ova poveznica nije ispravna");
	}

	private String programmeWithCall(String organiser, String... partners) {
		String programme = newProgramme(Fixtures.aProgramme(organiser, partners));
		Reply published = api.put("/api/v1/programmes/" + programme + "/call", admin, call(), null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return programme;
	}

	/** Reg. Lab's questions: the project idea, the kind of organisation, and what interests her. */
	static Json call() {
		return Json.object()
			.with("texts", Map.of("en", Map.of("summary", "Six months of regional mentoring", "offer", "A mentor",
					"eligibility", "Cultural professionals"), "mk", Map.of("summary", "Шест месеци регионално менторство")))
			.with("questions", List.of(
					Map.of("id", "project-idea", "kind", "LONG_TEXT", "required", true, "maxLength", 500, "label",
							labels("Your project idea")),
					Map.of("id", "organisation-kind", "kind", "SINGLE_CHOICE", "required", true, "label",
							labels("Your organisation is"), "options",
							List.of(Map.of("id", "ngo", "label", labels("an NGO")),
									Map.of("id", "public", "label", labels("a public institution")))),
					Map.of("id", "interests", "kind", "MULTIPLE_CHOICE", "required", false, "label",
							labels("Interests"), "options", List.of(Map.of("id", "digital", "label", labels("Digital")),
									Map.of("id", "audiences", "label", labels("Audiences"))))));
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		LANGUAGES.forEach(language -> labels.put(language, text + " (" + language + ")"));
		return labels;
	}

	static Json application(String programme, String organisation, String email) {
		return Fixtures.aMentee(programme, organisation)
			.with("email", email)
			.with("answers", List.of(Map.of("questionId", "project-idea", "text", "A travelling archive of festivals"),
					Map.of("questionId", "organisation-kind", "choices", List.of("ngo"))));
	}

	private String confirmedApplication(String programme, String organisation, String email) {
		String id = api.post("/api/v1/applications", null, application(programme, organisation, email))
			.text("participantId");
		JsonNode submitted = data(awaitEvent(Topics.PARTICIPANTS, EventType.APPLICATION_SUBMITTED.typeName(), id));
		Reply confirmed = api.post("/api/v1/applications/confirmations", null,
				Map.of("token", confirmationToken(submitted)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		return id;
	}

	private String confirmationToken(JsonNode submitted) {
		return signedLinks.token("CONFIRM_ADDRESS", submitted.path("confirmationLinkId").asString());
	}

	private static JsonNode data(ConsumerRecord<String, byte[]> record) {
		return Json.tree(EventRecords.value(record));
	}

	private static void assertRefused(Reply reply, int status, String... fields) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.problemFields()).containsExactlyInAnyOrder(fields);
	}

}
