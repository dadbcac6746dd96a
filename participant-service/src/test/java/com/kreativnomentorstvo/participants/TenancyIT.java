package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Tenancy inside a shared programme: an organiser and two partners. Each organisation's
 * coordinators steward their own organisation's participants (the organiser also those who apply
 * through an organisation outside the programme): they review, remove and erase them and see their
 * contact data, review reasons and consent. The programme's other coordinators, the organiser's
 * included, see only profile cards, and are refused (403) every change, and the export and consent
 * record (404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT extends ServiceIT {

	String organiser;

	String partnerA;

	String partnerB;

	String outside;

	String programme;

	/** A mentee of partner A. */
	String ofA;

	/** A mentor of partner B. */
	String ofB;

	/** A mentee who applied through an organisation outside the programme. */
	String ofOutside;

	String organisersCoordinator;

	String coordinatorA;

	String coordinatorB;

	@BeforeAll
	void aProgrammeWithAnOrganiserAndTwoPartners() {
		connect();
		organiser = newOrganisation("RS");
		partnerA = newOrganisation("HR");
		partnerB = newOrganisation("MK");
		outside = newOrganisation("SI");
		programme = newProgramme(Fixtures.aProgramme(organiser, partnerA, partnerB));
		ofA = enrol(Fixtures.aMentee(programme, partnerA));
		ofB = enrol(Fixtures.aMentor(programme, partnerB));
		ofOutside = enrol(Fixtures.aMentee(programme, outside));
		organisersCoordinator = TOKENS.coordinator(organiser);
		coordinatorA = TOKENS.coordinator(partnerA);
		coordinatorB = TOKENS.coordinator(partnerB);
	}

	/** A request about a participant: (scenario, participant id, token) → reply. */
	interface Call {

		Reply apply(TenancyIT scenario, String participantId, String token);

	}

	static Stream<Named<Call>> changesOnlySheOrHerStewardMakes() {
		return Stream.of(
				Named.of("POST accept", (Call) (s, id, t) -> s.api.post(path(id) + "/accept", t, Map.of("note", "in"))),
				Named.of("POST reject", (Call) (s, id, t) -> s.api.post(path(id) + "/reject", t,
						Map.of("reason", "no"))),
				Named.of("POST activate", (Call) (s, id, t) -> s.api.post(path(id) + "/activate", t, null)),
				Named.of("POST invitation", (Call) (s, id, t) -> s.api.post(path(id) + "/invitation", t, null)),
				Named.of("POST withdraw", (Call) (s, id, t) -> s.api.post(path(id) + "/withdraw", t, null)),
				Named.of("PATCH participant", (Call) (s, id, t) -> s.api.patch(path(id), t, Map.of("city", "Elsewhere"),
						s.api.get(path(id), s.admin).etag())),
				Named.of("PUT consent", (Call) (s, id, t) -> s.api.put(path(id) + "/consent", t,
						Map.of("version", "2026-11", "scopes", List.of("programme-participation")), null)),
				Named.of("DELETE consent", (Call) (s, id, t) -> s.api.delete(path(id) + "/consent", t)),
				Named.of("DELETE participant", (Call) (s, id, t) -> s.api.delete(path(id), t)));
	}

	static Stream<Named<Call>> readsOnlySheOrHerStewardMakes() {
		return Stream.of(Named.of("GET export", (Call) (s, id, t) -> s.api.get(path(id) + "/export", t)),
				Named.of("GET consent", (Call) (s, id, t) -> s.api.get(path(id) + "/consent", t)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changesOnlySheOrHerStewardMakes")
	void anotherPartnersCoordinatorChangesNothing(Call call) {
		String before = api.get(path(ofA), admin).body();

		Reply reply = call.apply(this, ofA, coordinatorB);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
		assertThat(reply.isProblem()).isTrue();
		assertThat(api.get(path(ofA), admin).body()).as("she is as she was").isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changesOnlySheOrHerStewardMakes")
	void theOrganisersCoordinatorChangesNothingOfAPartnersParticipant(Call call) {
		String before = api.get(path(ofA), admin).body();

		Reply reply = call.apply(this, ofA, organisersCoordinator);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
		assertThat(api.get(path(ofA), admin).body()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changesOnlySheOrHerStewardMakes")
	void aPartnersCoordinatorChangesNothingOfSomeoneTheOrganiserStewards(Call call) {
		String before = api.get(path(ofOutside), admin).body();

		Reply reply = call.apply(this, ofOutside, coordinatorA);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
		assertThat(api.get(path(ofOutside), admin).body()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readsOnlySheOrHerStewardMakes")
	void herExportAndConsentAreNotThereForOtherCoordinators(Call call) {
		for (String token : List.of(coordinatorB, organisersCoordinator)) {
			Reply reply = call.apply(this, ofA, token);
			assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
			assertThat(reply.body()).doesNotContain(email(ofA));
		}
		assertThat(call.apply(this, ofA, coordinatorA).status()).isEqualTo(200);
		assertThat(call.apply(this, ofOutside, organisersCoordinator).status()).isEqualTo(200);
		assertThat(call.apply(this, ofOutside, coordinatorA).status()).isEqualTo(404);
	}

	@Test
	void otherCoordinatorsOfTheProgrammeSeeHerProfileCardOnly() {
		String suffix = Fixtures.unique();
		String applicant = enrol(Fixtures.aMentee(programme, partnerA).with("bio", "Curates festivals " + suffix));
		Reply accepted = api.post(path(applicant) + "/accept", coordinatorA, Map.of("note", "Strong case " + suffix));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().path("review").path("reason").asString()).isEqualTo("Strong case " + suffix);

		for (String token : List.of(coordinatorB, organisersCoordinator)) {
			Reply card = api.get(path(applicant), token);
			assertThat(card.status()).as(card.toString()).isEqualTo(200);
			JsonNode json = card.json();
			assertThat(json.path("displayName").asString()).startsWith("Person ");
			assertThat(json.path("organisationId").asString()).isEqualTo(partnerA);
			assertThat(json.path("bio").asString()).isEqualTo("Curates festivals " + suffix);
			assertThat(json.path("status").asString()).isEqualTo("ACCEPTED");
			assertThat(json.has("goals")).isTrue();
			assertThat(json.has("languages")).isTrue();
			assertThat(json.has("email")).as("no contact data on a card").isFalse();
			assertThat(json.has("review")).as("no review on a card").isFalse();
			assertThat(json.has("answers")).isFalse();
			assertThat(json.has("consent")).isFalse();
			assertThat(json.has("accountId")).isFalse();
			assertThat(card.body()).doesNotContain("Strong case", "@example.org");
		}
		Reply whole = api.get(path(applicant), coordinatorA);
		assertThat(whole.text("email")).isEqualTo(email(applicant));
		assertThat(whole.json().path("review").path("reason").asString()).isEqualTo("Strong case " + suffix);
	}

	@Test
	void listsShowCardsExceptOfTheCallersOwnParticipants() {
		Reply asB = api.get("/api/v1/participants?size=100&programmeId=" + programme, coordinatorB);
		assertThat(asB.status()).as(asB.toString()).isEqualTo(200);
		Map<String, JsonNode> items = byId(asB);
		assertThat(items).containsKeys(ofA, ofB, ofOutside);
		assertThat(items.get(ofA).has("email")).isFalse();
		assertThat(items.get(ofOutside).has("email")).isFalse();
		assertThat(items.get(ofB).path("email").asString()).isEqualTo(email(ofB));

		Map<String, JsonNode> asOrganiser = byId(api.get("/api/v1/participants?size=100&programmeId=" + programme,
				organisersCoordinator));
		assertThat(asOrganiser.get(ofOutside).path("email").asString()).isEqualTo(email(ofOutside));
		assertThat(asOrganiser.get(ofA).has("email")).isFalse();
	}

	@Test
	void nobodyFindsAPersonByAnAddressSheMayNotSee() {
		String address = email(ofA);
		assertThat(byId(api.get("/api/v1/participants?q=" + address + "&programmeId=" + programme, coordinatorB)))
			.as("an address is no way to probe who takes part").isEmpty();
		assertThat(byId(api.get("/api/v1/participants?q=" + address + "&programmeId=" + programme,
				organisersCoordinator))).isEmpty();
		assertThat(byId(api.get("/api/v1/participants?q=" + address + "&programmeId=" + programme, coordinatorA)))
			.containsOnlyKeys(ofA);
		String name = api.get(path(ofA), admin).text("displayName");
		assertThat(byId(api.get("/api/v1/participants?q=" + name.replace(" ", "%20") + "&programmeId=" + programme,
				coordinatorB))).containsOnlyKeys(ofA);
	}

	@Test
	void eachOrganisationReviewsAndRemovesItsOwnParticipants() {
		String applicantOfA = enrol(Fixtures.aMentee(programme, partnerA));
		String applicantOutside = enrol(Fixtures.aMentee(programme, outside));

		Reply rejected = api.post(path(applicantOfA) + "/reject", coordinatorA, Map.of("reason", "Too late"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.text("status")).isEqualTo("REJECTED");
		Reply admitted = api.post(path(applicantOutside) + "/accept", organisersCoordinator, "{}");
		assertThat(admitted.status()).as("the organiser stewards applicants from outside the programme")
			.isEqualTo(200);
		Reply removed = api.post(path(applicantOutside) + "/withdraw", organisersCoordinator, null);
		assertThat(removed.text("status")).isEqualTo("WITHDRAWN");
		assertThat(api.delete(path(applicantOfA), coordinatorA).status()).isEqualTo(204);
		assertThat(api.get(path(applicantOfA), admin).status()).isEqualTo(404);
		assertThat(api.delete(path(applicantOfA), coordinatorA).status()).as("erasing twice is harmless")
			.isEqualTo(204);
		assertThat(api.delete(path(applicantOfA), coordinatorB).status())
			.as("an erased participant is not there for another partner").isEqualTo(404);
	}

	@Test
	void aPartnersCoordinatorEnrolsAndInvitesPeopleOfHerOwnOrganisationOnly() {
		Reply foreign = api.post("/api/v1/participants", coordinatorB, Fixtures.aMentee(programme, partnerA));
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
		Reply own = api.post("/api/v1/participants", coordinatorB, Fixtures.aMentee(programme, partnerB));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		Reply byOrganiser = api.post("/api/v1/participants", organisersCoordinator,
				Fixtures.aMentee(programme, partnerA));
		assertThat(byOrganiser.status()).as("the organiser's coordinators enrol for any of its organisations")
			.isEqualTo(201);

		String suffix = Fixtures.unique();
		Reply refused = api.post("/api/v1/programmes/" + programme + "/invitations", coordinatorB,
				List.of(invitee("b-" + suffix, partnerB), invitee("a-" + suffix, partnerA)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.problemFields()).containsExactly("rows[2].organisation");
		Reply queued = api.post("/api/v1/programmes/" + programme + "/invitations", coordinatorB,
				List.of(invitee("b-" + suffix, partnerB)));
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		Reply forPartners = api.post("/api/v1/programmes/" + programme + "/invitations", organisersCoordinator,
				List.of(invitee("a-" + suffix, partnerA), invitee("o-" + suffix, organiser)));
		assertThat(forPartners.status()).as(forPartners.toString()).isEqualTo(202);
	}

	@Test
	void theOrganisersCoordinatorsRunTheProgrammeAndThePartnersDoNot() {
		String etag = api.get("/api/v1/programmes/" + programme, admin).etag();
		assertThat(api.patch("/api/v1/programmes/" + programme, coordinatorA, Map.of("name", "Taken over"), etag)
			.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/programmes/" + programme + "/call", coordinatorA).status()).isEqualTo(200);
		Reply renamed = api.patch("/api/v1/programmes/" + programme, organisersCoordinator,
				Map.of("name", "Reg. Lab " + Fixtures.unique()), etag);
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
	}

	private static Json invitee(String name, String organisation) {
		return Json.object()
			.with("name", "Invitee " + name)
			.with("email", "invitee-" + name + "@example.org")
			.with("role", "MENTEE")
			.with("organisation", organisation)
			.with("language", "en");
	}

	private String email(String participantId) {
		return api.get(path(participantId), admin).text("email");
	}

	private static String path(String participantId) {
		return "/api/v1/participants/" + participantId;
	}

	private static Map<String, JsonNode> byId(Reply list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		Map<String, JsonNode> items = new java.util.LinkedHashMap<>();
		StreamSupport.stream(list.json().path("items").spliterator(), false)
			.forEach(item -> items.put(item.path("id").asString(), item));
		return items;
	}

}
