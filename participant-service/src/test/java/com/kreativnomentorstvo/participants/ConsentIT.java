package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Consent is recorded with its version and scopes; withdrawing the consent taking part needs erases her. */
class ConsentIT extends ServiceIT {

	@Test
	void sheDropsAnOptionalScopeAndHerConsentRecordKeepsBoth() {
		String organisation = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organisation));
		String participant = enrol(Fixtures.aMentee(programme, organisation));
		String herself = TOKENS.participant(participant, organisation, "mentee");
		String path = "/api/v1/participants/" + participant + "/consent";

		Reply renewed = api.put(path, herself, Map.of("version", "2026-11", "scopes", List.of("programme-participation")),
				null);
		Reply withoutParticipation = api.put(path, herself, Map.of("version", "2026-11", "scopes", List.of("matching")),
				null);

		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
		assertThat(renewed.json().path("current").path("scopes")).extracting(s -> s.asString())
			.containsExactly("programme-participation");
		assertThat(renewed.json().path("history")).extracting(h -> h.path("action").asString())
			.containsExactly("GIVEN", "CHANGED");
		assertThat(withoutParticipation.status()).isEqualTo(422);
		assertThat(withoutParticipation.problemFields()).containsExactly("scopes");
		assertThat(withoutParticipation.body()).contains("DELETE");
		assertThat(api.get(path, herself).json().path("current").path("version").asString()).isEqualTo("2026-11");
	}

	@Test
	void withdrawingConsentWithdrawsHerAndErasesHerData() {
		String organisation = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organisation));
		String participant = enrol(Fixtures.aMentor(programme, organisation));
		String herself = TOKENS.participant(participant, organisation, "mentor");

		Reply withdrawn = api.delete("/api/v1/participants/" + participant + "/consent", herself);

		assertThat(withdrawn.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/participants/" + participant, herself).status()).isEqualTo(404);
		assertThat(EventRecords.value(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_WITHDRAWN.typeName(),
				participant))).contains("\"reason\":\"CONSENT_WITHDRAWN\"");
		awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ERASED.typeName(), participant);
		EventRecords.await(Topics.PARTICIPANT_CONTACTS, r -> participant.equals(r.key()) && r.value() == null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findById(participant, org.bson.Document.class, "participants")
				.get("tombstonePending") == null);
	}

}
