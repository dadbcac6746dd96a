package com.kreativnomentorstvo.participants.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.participants.support.StubGateway;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * A participant's data export gathers what the platform's other services hold about her, through
 * the gateway with the caller's own token; a service that is slow or failing is listed as
 * unavailable and never fails the export.
 */
class DataExportIT extends ServiceIT {

	@Test
	void theExportGathersEveryServicesPartWithTheCallersToken() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String mentee = enrol(Fixtures.aMentee(programme, organiser));
		GATEWAY.answer(mentee, "matching", new StubGateway.Answer(200, """
				{"service": "matching", "participantId": "%s", "exportedAt": "2026-12-05T10:00:00Z",
				 "data": {"matches": [{"id": "match-1", "score": 81.5}]}}""".formatted(mentee), Duration.ZERO));
		GATEWAY.answer(mentee, "sessions", new StubGateway.Answer(200, "{}", Duration.ofSeconds(10)));
		GATEWAY.answer(mentee, "notifications", new StubGateway.Answer(503, "{\"status\":503}", Duration.ZERO));
		String herToken = TOKENS.participant(mentee, organiser, "mentee");

		long began = System.nanoTime();
		Reply export = api.get("/api/v1/participants/" + mentee + "/export", herToken);
		Duration took = Duration.ofNanos(System.nanoTime() - began);

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		Map<String, JsonNode> services = services(export);
		assertThat(services).containsOnlyKeys("matching", "sessions", "notifications");
		assertThat(services.get("matching").path("status").asString()).isEqualTo("included");
		assertThat(services.get("matching").path("export").path("data").path("matches").get(0).path("id").asString())
			.isEqualTo("match-1");
		assertThat(services.get("sessions").path("status").asString()).isEqualTo("unavailable");
		assertThat(services.get("sessions").path("reason").asString()).isEqualTo("no answer within 3 s");
		assertThat(services.get("notifications").path("status").asString()).isEqualTo("unavailable");
		assertThat(services.get("notifications").path("reason").asString()).isEqualTo("answered 503");
		assertThat(took).as("the services are asked at once, each given 3 s").isLessThan(Duration.ofSeconds(9));
		assertThat(GATEWAY.requestsAbout(mentee)).hasSize(3)
			.allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + herToken));
	}

	@Test
	void aServiceThatHoldsNothingAboutHerSaysSo() {
		String organiser = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String mentor = enrol(Fixtures.aMentor(programme, organiser));
		GATEWAY.answer(mentor, "matching", new StubGateway.Answer(200, """
				{"service": "matching", "participantId": "someone-else", "data": {}}""", Duration.ZERO));

		Reply export = api.get("/api/v1/participants/" + mentor + "/export", TOKENS.coordinator(organiser));

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		Map<String, JsonNode> services = services(export);
		assertThat(services.get("sessions").path("status").asString()).isEqualTo("nothing-held");
		assertThat(services.get("notifications").path("status").asString()).isEqualTo("nothing-held");
		assertThat(services.get("matching").path("status").asString())
			.as("an answer about someone else is not taken").isEqualTo("unavailable");
		assertThat(services.get("matching").has("export")).isFalse();
	}

	private static Map<String, JsonNode> services(Reply export) {
		Map<String, JsonNode> services = new LinkedHashMap<>();
		export.json().path("services").forEach(service -> services.put(service.path("service").asString(), service));
		return services;
	}

}
