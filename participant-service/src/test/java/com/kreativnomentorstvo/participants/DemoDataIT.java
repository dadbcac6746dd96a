package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * The local launcher loads its demo programme through this API as an administrator would; its
 * data must keep being accepted as it is, and the demo personas must then see what they should.
 */
class DemoDataIT extends ServiceIT {

	private static final Path DEMO = Path.of("..", "deploy", "local", "src", "main", "resources", "demo");

	@Test
	void theLaunchersDemoProgrammeLoadsAndItsPersonasSeeThemselves() throws IOException {
		assumeTrue(Files.isDirectory(DEMO), "the launcher's demo data is not next to this module");
		for (JsonNode organisation : read("organisations.json")) {
			assertCreated(api.post("/api/v1/organisations", admin, organisation.toString()));
		}
		assertCreated(api.post("/api/v1/programmes", admin, read("programme.json").toString()));
		for (JsonNode participant : read("participants.json")) {
			assertCreated(api.post("/api/v1/participants", admin, participant.toString()));
			Reply accepted = api.post("/api/v1/participants/" + participant.path("id").asString() + "/accept", admin,
					"{}");
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		}

		// admission gave each demo person an account (the launcher's personas have the same addresses)
		String jovanaAccount = api.get("/api/v1/participants/p-demo-mentee-1", admin).text("accountId");
		assertThat(accounts.find(jovanaAccount).orElseThrow().email()).isEqualTo("jovana.nikolic@example.org");
		String jovana = TOKENS.token().subject(jovanaAccount).organisation("org-creative-mentorship").roles("mentee")
			.sign();
		Reply herself = api.get("/api/v1/participants/p-demo-mentee-1", jovana);
		assertThat(herself.status()).isEqualTo(200);
		assertThat(herself.text("preferredLocale")).isEqualTo("sr-Cyrl");
		Reply mentorsCard = api.get("/api/v1/participants/p-demo-mentor-1", jovana);
		assertThat(mentorsCard.status()).as("an admitted mentee sees her programme's mentors' cards").isEqualTo(200);
		assertThat(mentorsCard.json().has("email")).isFalse();
		assertThat(api.get("/api/v1/participants/p-demo-mentee-2", jovana).status()).as("not another mentee")
			.isEqualTo(404);
		assertThat(api.get("/api/v1/programmes/prog-reg-lab-2027", jovana).status()).isEqualTo(200);
		Reply seenByPartner = api.get("/api/v1/participants?programmeId=prog-reg-lab-2027&size=100",
				TOKENS.coordinator("org-kultura-nova"));
		assertThat(seenByPartner.json().path("total").asLong()).isEqualTo(read("participants.json").size());
		assertThat(api.get("/api/v1/organisations/org-creative-mentorship", admin).status())
			.as("the launcher checks this to skip loading twice").isEqualTo(200);
	}

	private static JsonNode read(String name) throws IOException {
		return Json.tree(Files.readString(DEMO.resolve(name)));
	}

	private static void assertCreated(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

}
