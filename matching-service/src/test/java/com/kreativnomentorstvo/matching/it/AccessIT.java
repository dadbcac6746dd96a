package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/** Every endpoint checks who asks: other organisations see nothing, participants only their own. */
class AccessIT extends MatchingIntegrationTest {

	@Test
	void anotherOrganisationsCoordinatorFindsNothing() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles vesna = aMentor();
		enrol(programme, ana, vesna);
		String runId = api().post(runs(programme), coordinator(programme), Map.of()).text("id");
		String matchId = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id())).text("id");
		String stranger = tokens.coordinator("org-elsewhere");

		assertThat(api().post(runs(programme), stranger, Map.of()).status()).isEqualTo(404);
		assertThat(api().get(runs(programme), stranger).status()).isEqualTo(404);
		assertThat(api().get(runs(programme) + "/" + runId, stranger).status()).isEqualTo(404);
		assertThat(api().post(runs(programme) + "/" + runId + "/publish", stranger, null).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/programmes/" + programme.id() + "/matches", stranger).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/programmes/" + programme.id() + "/matches", stranger,
				Map.of("mentorId", vesna.id(), "menteeId", ana.id())).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/matches/" + matchId, stranger).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/matches/" + matchId + "/accept", stranger, null).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/matches/" + matchId + "/end", stranger, Map.of("reason", "COMPLETED")).status())
			.isEqualTo(404);
		assertThat(api().get("/api/v1/participants/" + ana.id() + "/recommendations", stranger).status()).isEqualTo(404);
		// a partner organisation's coordinator knows the programme but does not run its matching
		assertThat(api().get(runs(programme) + "/" + runId, tokens.coordinator(programme.partner())).status())
			.isEqualTo(403);
		assertThat(api().get("/api/v1/participants/" + ana.id() + "/personal-data/matching", stranger).status())
			.isEqualTo(404);
	}

	@Test
	void aParticipantSeesOnlyHerOwnMatchesAndCannotRunTheMatching() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles boris = aMentee();
		Profiles vesna = aMentor().capacity(2);
		enrol(programme, ana, boris, vesna);
		String anasMatch = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id())).text("id");
		String borisMatch = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", boris.id())).text("id");

		assertThat(api().post(runs(programme), mentee(ana), Map.of()).status()).isEqualTo(403);
		Reply list = api().get("/api/v1/programmes/" + programme.id() + "/matches?participantId=" + boris.id(),
				mentee(ana));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("items")).extracting(item -> item.get("id").asString()).containsExactly(anasMatch);
		assertThat(api().get("/api/v1/matches/" + borisMatch, mentee(ana)).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/matches/" + borisMatch + "/accept", mentee(ana), null).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/matches/" + anasMatch + "/accept", coordinator(programme), null).status())
			.isEqualTo(403);
		assertThat(api().post("/api/v1/matches/" + anasMatch + "/end", mentor(vesna), Map.of("reason", "COMPLETED"))
			.status()).isEqualTo(403);
		assertThat(api().get("/api/v1/participants/" + boris.id() + "/recommendations", mentee(ana)).status())
			.isEqualTo(404);
		assertThat(api().get("/api/v1/programmes/" + programme.id() + "/matches", mentee(aMentee())).status())
			.isEqualTo(404);
	}

	@Test
	void requestsWithoutAValidTokenAreRefused() {
		TestProgramme programme = aProgramme();

		assertThat(api().post(runs(programme), null, Map.of()).status()).isEqualTo(401);
		assertThat(api().post(runs(programme), tokens.token().organisation(programme.organiser()).roles("coordinator")
			.forge(), Map.of()).status()).isEqualTo(401);
		assertThat(api().post(runs(programme), tokens.token().organisation(programme.organiser()).roles("coordinator")
			.expiresAt(Instant.now().minusSeconds(60)).sign(), Map.of()).status()).isEqualTo(401);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().speaking("sl");
		Profiles vesna = aMentor().speaking("mk");
		enrol(programme, ana, vesna);
		String coordinator = coordinator(programme);

		assertProblem(api().post(runs(programme), coordinator, Map.of("weights", Map.of("charm", 10))), 422,
				"weights.charm");
		assertProblem(api().post(runs(programme), coordinator, Map.of("weights", Map.of("goals", 500))), 422,
				"weights.goals");
		assertProblem(api().post(runs(programme), coordinator, Map.of("colour", "blue")), 400, "colour");
		assertProblem(api().post(runs(programme), coordinator,
				Map.of("lockedPairs", List.of(Map.of("mentorId", vesna.id())))), 400, "lockedPairs[0].menteeId");
		assertProblem(api().post(runs(programme), coordinator,
				Map.of("lockedPairs", List.of(Map.of("mentorId", vesna.id(), "menteeId", ana.id())))), 422,
				"lockedPairs[0]");
		assertProblem(api().post(runs(programme), coordinator, Map.of("basedOn", "run-unknown")), 422, "basedOn");
		assertProblem(api().get(runs(programme) + "?size=1000", coordinator), 400, "size");
		assertProblem(api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator,
				Map.of("mentorId", vesna.id(), "menteeId", ana.id())), 422, "mentorId");
		assertProblem(api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator,
				Map.of("mentorId", vesna.id(), "menteeId", "nobody")), 422, "menteeId");
		assertProblem(api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator,
				Map.of("mentorId", vesna.id(), "menteeId", ana.id(), "respondBy", "yesterday")), 400, "respondBy");
		assertThat(api().get(runs(programme) + "/run-unknown", coordinator).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/matches/match-unknown/accept", coordinator, null).status()).isEqualTo(404);
	}

	private static void assertProblem(Reply response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as(response.toString()).isNotNull();
		assertThat(errors).extracting(error -> error.get("field").asString()).contains(field);
	}

	private static String runs(TestProgramme programme) {
		return "/api/v1/programmes/" + programme.id() + "/matching-runs";
	}

}
