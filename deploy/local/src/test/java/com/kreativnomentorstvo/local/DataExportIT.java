package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A participant's data export on the running stack: participant-service gathers, through the
 * gateway and with the caller's own token, what matching-service and session-service hold about her
 * (and notification-service's part); the services' own parts are readable by her and her steward
 * only, not by a partner in the same programme.
 */
@Order(3)
@ExtendWith(RunningStack.Extension.class)
class DataExportIT {

	/** Ivan, a mentee of org-kultura-nova in the demo programme. */
	private static final String IVAN = "p-demo-mentee-2";

	@Test
	void herExportGathersWhatEveryServiceHoldsAboutHer() throws Exception {
		for (String caller : new String[] { "mentee.ivan", "coordinator.hr" }) {
			HttpResponse<String> export = send("GET", "/api/v1/participants/" + IVAN + "/export", token(caller), null);
			assertThat(export.statusCode()).as(caller + ": " + export.body()).isEqualTo(200);
			Map<String, JsonNode> services = new LinkedHashMap<>();
			RunningStack.JSON.readTree(export.body())
				.path("services")
				.forEach(service -> services.put(service.path("service").asString(), service));
			System.out.println("Export of " + IVAN + " for " + caller + ": " + services.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue().path("status").asString() + " "
						+ e.getValue().path("reason").asString())
				.toList());
			assertThat(services).containsOnlyKeys("matching", "sessions", "notifications");
			// each holds something about her: her match, her enrolment, her inbox
			for (String service : new String[] { "matching", "sessions", "notifications" }) {
				assertThat(services.get(service).path("status").asString()).as(service).isEqualTo("included");
				assertThat(services.get(service).path("export").path("participantId").asString()).isEqualTo(IVAN);
				assertThat(services.get(service).path("export").path("service").asString()).isEqualTo(service);
			}
			assertThat(services.get("sessions").path("export").path("data").path("enrolment").path("organisationId")
				.asString()).isEqualTo("org-kultura-nova");
		}
	}

	@Test
	void aPartnerInTheSameProgrammeFindsNoneOfHerPersonalData() throws Exception {
		String partner = token("coordinator.mk");
		for (String path : new String[] { "/export", "/personal-data/matching", "/personal-data/sessions",
				"/personal-data/notifications" }) {
			HttpResponse<String> response = send("GET", "/api/v1/participants/" + IVAN + path, partner, null);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(404);
		}
		HttpResponse<String> card = send("GET", "/api/v1/participants/" + IVAN, partner, null);
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).as("her profile card").contains("Ivan").doesNotContain("ivan.babic@example.org");
	}

}
