package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Tenancy inside a shared programme with an organiser and two partners: the organiser's
 * coordinators run the matching (runs, publishing, manual matches, ending mentorships) and see every
 * match; a partner's coordinators see the matches of the participants their organisation stewards
 * and nothing else of the matching; a participant's matching data is exported to herself and her
 * steward only.
 */
class TenancyIT extends MatchingIntegrationTest {

	String programme;

	String organiser;

	String partnerA;

	String partnerB;

	Profiles menteeOfA;

	Profiles mentorOfB;

	Profiles mentorOfOrganiser;

	Profiles menteeOfOrganiser;

	/** The organiser's mentor with partner A's mentee, running. */
	String matchOfA;

	/** Partner B's mentor with the organiser's mentee, proposed. */
	String matchOfB;

	String runner;

	String coordinatorA;

	String coordinatorB;

	@BeforeEach
	void aProgrammeWithAnOrganiserAndTwoPartners() {
		programme = "programme-" + UUID.randomUUID();
		organiser = "org-" + UUID.randomUUID();
		partnerA = "org-a-" + UUID.randomUUID();
		partnerB = "org-b-" + UUID.randomUUID();
		publish(new ProgrammeCreated(new ProgrammeDetails(programme, organiser, List.of(partnerA, partnerB),
				"Reg. Lab", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1), "Europe/Belgrade", List.of("en"),
				List.of(), null, null, List.of("digital-tools"),
				new MatchingPolicy(Map.of("goals", 50), true, "PREFER", 2, 7, false)), Instant.now()));
		await().atMost(PATIENCE).until(() -> programmes.find(programme).isPresent());
		menteeOfA = aMentee().of(partnerA);
		mentorOfB = aMentor().of(partnerB);
		mentorOfOrganiser = aMentor().of(organiser);
		menteeOfOrganiser = aMentee().of(organiser);
		enrol(new TestProgramme(programme, organiser, partnerA), menteeOfA, mentorOfB, mentorOfOrganiser,
				menteeOfOrganiser);
		runner = tokens.coordinator(organiser);
		coordinatorA = tokens.coordinator(partnerA);
		coordinatorB = tokens.coordinator(partnerB);
		matchOfA = created(api().post(matches(), runner, Map.of("mentorId", mentorOfOrganiser.id(), "menteeId",
				menteeOfA.id(), "startNow", true)));
		matchOfB = created(api().post(matches(), runner, Map.of("mentorId", mentorOfB.id(), "menteeId",
				menteeOfOrganiser.id())));
	}

	@Test
	void onlyTheOrganisersCoordinatorsRunTheMatching() {
		String runId = created(api().post(runs(), runner, Map.of()));

		for (String partner : List.of(coordinatorA, coordinatorB)) {
			assertThat(api().post(runs(), partner, Map.of()).status()).isEqualTo(403);
			assertThat(api().get(runs(), partner).status()).isEqualTo(403);
			assertThat(api().get(runs() + "/" + runId, partner).status()).isEqualTo(403);
			assertThat(api().get(runs() + "/" + runId + "/comparison?with=" + runId, partner).status()).isEqualTo(403);
			assertThat(api().post(runs() + "/" + runId + "/publish", partner, null).status()).isEqualTo(403);
			assertThat(api().post(matches(), partner, Map.of("mentorId", mentorOfB.id(), "menteeId", menteeOfA.id()))
				.status()).isEqualTo(403);
			assertThat(api().post("/api/v1/matches/" + matchOfA + "/end", partner, Map.of("reason", "COMPLETED"))
				.status()).isIn(403, 404);
		}
		assertThat(api().get(runs() + "/" + runId, runner).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/matches/" + matchOfA, runner).json().get("status").asString())
			.as("nothing a partner tried changed the match").isEqualTo("ACTIVE");
		Reply ended = api().post("/api/v1/matches/" + matchOfA + "/end", runner, Map.of("reason", "COMPLETED"));
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
	}

	@Test
	void aPartnerSeesTheMatchesOfTheParticipantsItStewardsOnly() {
		assertThat(api().get("/api/v1/matches/" + matchOfA, coordinatorA).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/matches/" + matchOfB, coordinatorA).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/matches/" + matchOfB, coordinatorB).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/matches/" + matchOfA, coordinatorB).status()).isEqualTo(404);

		assertThat(ids(api().get(matches(), coordinatorA))).containsExactly(matchOfA);
		assertThat(ids(api().get(matches(), coordinatorB))).containsExactly(matchOfB);
		assertThat(ids(api().get(matches() + "?participantId=" + menteeOfOrganiser.id(), coordinatorA))).isEmpty();
		assertThat(ids(api().get(matches(), runner))).containsExactlyInAnyOrder(matchOfA, matchOfB);

		assertThat(api().post("/api/v1/matches/" + matchOfB + "/accept", coordinatorB, null).status())
			.as("only the two people answer").isEqualTo(403);
		assertThat(api().post("/api/v1/matches/" + matchOfB + "/decline", coordinatorA, null).status())
			.isEqualTo(404);
	}

	@Test
	void recommendationsAreForHerHerStewardAndTheRunners() {
		Profiles waiting = aMentee().of(partnerA);
		enrol(new TestProgramme(programme, organiser, partnerA), waiting);
		String path = "/api/v1/participants/" + waiting.id() + "/recommendations";

		assertThat(api().get(path, mentee(waiting)).status()).isEqualTo(200);
		assertThat(api().get(path, coordinatorA).status()).isEqualTo(200);
		assertThat(api().get(path, runner).status()).isEqualTo(200);
		assertThat(api().get(path, coordinatorB).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/participants/" + waiting.id() + "/match-requests", coordinatorA,
				Map.of("mentorId", mentorOfB.id())).status()).as("only she asks for a mentor").isEqualTo(403);
	}

	@Test
	void herMatchingDataIsExportedToHerAndHerStewardOnly() {
		String path = "/api/v1/participants/" + menteeOfA.id() + "/personal-data/matching";

		Reply hers = api().get(path, mentee(menteeOfA));

		assertThat(hers.status()).as(hers.toString()).isEqualTo(200);
		assertThat(hers.json().get("service").asString()).isEqualTo("matching");
		assertThat(hers.json().get("participantId").asString()).isEqualTo(menteeOfA.id());
		assertThat(hers.json().get("exportedAt").asString()).isNotBlank();
		JsonNode data = hers.json().get("data");
		assertThat(data.path("profile").path("organisationId").asString()).isEqualTo(partnerA);
		assertThat(data.path("profile").path("matchedOn").path("languages")).isNotEmpty();
		assertThat(data.path("matches")).hasSize(1);
		assertThat(data.path("matches").get(0).path("id").asString()).isEqualTo(matchOfA);
		assertThat(data.path("matches").get(0).path("contributions")).as("with its explanation").isNotEmpty();
		assertThat(api().get(path, coordinatorA).status()).isEqualTo(200);
		assertThat(api().get(path, tokens.admin("org-platform")).status()).isEqualTo(200);
		assertThat(api().get(path, coordinatorB).status()).as("another partner").isEqualTo(404);
		assertThat(api().get(path, runner).status()).as("the organiser does not steward her").isEqualTo(404);
		assertThat(api().get(path, mentor(mentorOfOrganiser)).status()).as("her mentor").isEqualTo(404);
		assertThat(api().get("/api/v1/participants/nobody/personal-data/matching", tokens.admin("org-platform"))
			.status()).isEqualTo(404);

		publish(new ParticipantErased(menteeOfA.id(), programme, partnerA, Instant.now()));
		await().atMost(PATIENCE).until(() -> participants.findById(menteeOfA.id()).map(p -> p.isErased()).orElse(true));
		assertThat(api().get(path, tokens.admin("org-platform")).status()).as("erased: nothing to export")
			.isEqualTo(404);
		assertThat(api().get(path, coordinatorA).status()).isEqualTo(404);
	}

	@Test
	void aRunsProposalsAndReasonsAreInTheExportsOfThoseItConsidered() {
		Profiles unpaired = aMentee().of(partnerB).speaking("sl");
		enrol(new TestProgramme(programme, organiser, partnerA), unpaired);
		String runId = created(api().post(runs(), runner, Map.of()));

		Reply export = api().get("/api/v1/participants/" + unpaired.id() + "/personal-data/matching",
				coordinatorB);

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		JsonNode run = export.json().get("data").path("runs").get(0);
		assertThat(run.path("runId").asString()).isEqualTo(runId);
		assertThat(run.path("unmatched").path("reason").asString()).isNotBlank();
	}

	private String matches() {
		return "/api/v1/programmes/" + programme + "/matches";
	}

	private String runs() {
		return "/api/v1/programmes/" + programme + "/matching-runs";
	}

	private static String created(Reply response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static List<String> ids(Reply list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(list.json().get("items").spliterator(), false)
			.map(item -> item.get("id").asString())
			.toList();
	}

}
