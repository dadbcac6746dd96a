package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Organisations and programmes: defaults, changes under optimistic concurrency, milestones, the taxonomy. */
class ProgrammeIT extends ServiceIT {

	@Test
	void aProgrammeWithoutTaxonomyOrPolicyGetsTheCulturalSectorsSkillsAndTheDefaultPolicy() {
		String organiser = newOrganisation("RS");
		Json form = Fixtures.aProgramme(organiser);

		Reply created = api.post("/api/v1/programmes", TOKENS.coordinator(organiser), form);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("taxonomy")).extracting(code -> code.asString())
			.containsExactly("transnational-programmes", "digital-tools", "programme-development",
					"community-engagement", "audience-engagement", "technical-production",
					"innovative-management-models");
		assertThat(created.json().path("matchingPolicy").path("defaultMentorCapacity").asInt()).isEqualTo(2);
		assertThat(created.json().path("matchingPolicy").path("crossBorder").asString()).isEqualTo("PREFER");
		assertThat(created.json().path("openForEnrolment").asBoolean()).isTrue();
		assertThat(created.etag()).isEqualTo("\"0\"");
		ConsumerRecord<String, byte[]> event = awaitEvent(Topics.PARTICIPANTS, EventType.PROGRAMME_CREATED.typeName(),
				created.text("id"));
		assertThat(EventRecords.value(event)).contains("innovative-management-models").contains("\"PREFER\"");
	}

	@Test
	void thePolicyWeighsTheCriteriaMatchingScoresAndThoseLeftOutAtTheirDefault() {
		String organiser = newOrganisation("RS");
		String coordinator = TOKENS.coordinator(organiser);

		Reply byDefault = api.post("/api/v1/programmes", coordinator, Fixtures.aProgramme(organiser));
		Reply stated = api.post("/api/v1/programmes", coordinator, Fixtures.aProgramme(organiser)
			.with("matchingPolicy", Map.of("weights", Map.of("goals", 70, "country", 0))));

		assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(201);
		assertThat(weights(byDefault)).containsExactly(Map.entry("goals", 40), Map.entry("availability", 20),
				Map.entry("timezone", 10), Map.entry("country", 15), Map.entry("preferences", 15));
		assertThat(stated.status()).as(stated.toString()).isEqualTo(201);
		assertThat(weights(stated)).containsExactly(Map.entry("goals", 70), Map.entry("availability", 20),
				Map.entry("timezone", 10), Map.entry("country", 0), Map.entry("preferences", 15));
		// what matching-service reads: the event carries every criterion's weight
		ConsumerRecord<String, byte[]> event = awaitEvent(Topics.PARTICIPANTS, EventType.PROGRAMME_CREATED.typeName(),
				stated.text("id"));
		assertThat(EventRecords.value(event))
			.contains("\"weights\":{\"goals\":70,\"availability\":20,\"timezone\":10,\"country\":0,\"preferences\":15}");

		Reply patched = api.patch("/api/v1/programmes/" + stated.text("id"), coordinator,
				Map.of("matchingPolicy", Map.of("weights", Map.of("timezone", 0, "language", 30))), stated.etag());

		assertThat(patched.status()).isEqualTo(422);
		assertThat(patched.problemFields()).containsExactly("matchingPolicy.weights.language");
		assertThat(weights(api.get("/api/v1/programmes/" + stated.text("id"), coordinator)))
			.as("nothing of the refused change is kept").containsEntry("goals", 70).containsEntry("timezone", 10);
	}

	private static Map<String, Integer> weights(Reply programme) {
		Map<String, Integer> weights = new java.util.LinkedHashMap<>();
		programme.json().path("matchingPolicy").path("weights").properties()
			.forEach(weight -> weights.put(weight.getKey(), weight.getValue().asInt()));
		return weights;
	}

	@Test
	void anAdministratorImportsAProgrammeUnderItsIdOnce() {
		String organiser = newOrganisation("RS");
		String id = "prog-import-" + Fixtures.unique();

		Reply first = api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser).with("id", id));
		Reply again = api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser).with("id", id));
		Reply byCoordinator = api.post("/api/v1/programmes", TOKENS.coordinator(organiser),
				Fixtures.aProgramme(organiser).with("id", "prog-mine-" + Fixtures.unique()));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.text("id")).isEqualTo(id);
		assertThat(again.status()).isEqualTo(409);
		assertThat(byCoordinator.status()).isEqualTo(422);
		assertThat(byCoordinator.problemFields()).containsExactly("id");
	}

	@Test
	void theOrganiserChangesTheProgrammeBasedOnTheVersionSheRead() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme;
		Reply read = api.get(path, coordinator);

		Reply changed = api.patch(path, coordinator, Map.of("partnerIds", List.of(partner),
				"matchingPolicy", Map.of("sameOrganisationAllowed", true)), read.etag());
		Reply stale = api.patch(path, coordinator, Map.of("name", "Too late"), read.etag());
		Reply blind = api.patch(path, coordinator, Map.of("name", "No version"), null);
		Reply nulled = api.patch(path, coordinator, Json.object().with("name", null), changed.etag());

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isEqualTo("\"1\"");
		assertThat(changed.json().path("partnerIds")).extracting(p -> p.asString()).containsExactly(partner);
		assertThat(changed.json().path("matchingPolicy").path("sameOrganisationAllowed").asBoolean()).isTrue();
		assertThat(changed.json().path("matchingPolicy").path("crossBorder").asString())
			.as("what the patch leaves out stays").isEqualTo("PREFER");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(blind.status()).isEqualTo(428);
		assertThat(nulled.status()).isEqualTo(422);
		assertThat(nulled.problemFields()).containsExactly("name");
		assertThat(api.get(path, TOKENS.coordinator(partner)).status()).as("the new partner sees it").isEqualTo(200);
		ConsumerRecord<String, byte[]> updated = awaitEvent(Topics.PARTICIPANTS, EventType.PROGRAMME_UPDATED.typeName(),
				programme);
		assertThat(EventRecords.value(updated)).contains(partner).contains("\"version\":1");
	}

	@Test
	void aProgrammeCarriesANamePerLanguageToEveryServiceAndAnUnknownLanguageIsNamed() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser)
			.with("names", Map.of("sr-Latn", "Regionalna laboratorija", "mk", "Регионална лабораторија")));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme;

		Reply read = api.get(path, coordinator);
		assertThat(read.json().path("names").path("sr-Latn").asString()).isEqualTo("Regionalna laboratorija");
		ConsumerRecord<String, byte[]> created = awaitEvent(Topics.PARTICIPANTS, EventType.PROGRAMME_CREATED.typeName(),
				programme);
		EventAssertions.assertContractKept(created);
		assertThat(EventRecords.value(created)).contains("\"names\":{").contains("Регионална лабораторија");

		Reply unknown = api.patch(path, coordinator, Map.of("names", Map.of("de", "Regionallabor")), read.etag());
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(unknown.problemFields()).containsExactly("names.de");
		Reply renamed = api.patch(path, coordinator, Map.of("names", Map.of("sl", "Regionalni laboratorij")),
				read.etag());
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().path("names").propertyNames()).containsExactly("sl");
		Reply cleared = api.patch(path, coordinator, Json.object().with("names", null), renamed.etag());
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		assertThat(cleared.json().has("names")).as("one name for every language again").isFalse();
	}

	@Test
	void milestonesAreListedAddedAndReplacedWithinTheProgrammesDates() {
		String organiser = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme + "/milestones";
		LocalDate today = Fixtures.today();

		Reply listed = api.get(path, coordinator);
		Reply added = api.post(path, coordinator, Map.of("kind", "TRAINING", "date", today.plusDays(90).toString()));
		Reply outside = api.post(path, coordinator, Map.of("kind", "TRAINING", "date", today.plusDays(900).toString()));
		Reply replaced = api.put(path, coordinator,
				List.of(Map.of("kind", "FINAL", "date", today.plusDays(200).toString()),
						Map.of("kind", "KICK_OFF", "date", today.plusDays(31).toString())),
				added.etag());

		assertThat(listed.json()).hasSize(3);
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json()).hasSize(4);
		assertThat(added.json().get(1).path("kind").asString()).as("kept in date order").isEqualTo("TRAINING");
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.problemFields()).contains("date");
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json()).extracting(m -> m.path("kind").asString()).containsExactly("KICK_OFF", "FINAL");
		assertThat(api.put(path, coordinator, List.of(), listed.etag()).status()).isEqualTo(412);
	}

	@Test
	void aTaxonomyCodeParticipantsChoseCannotBeRemoved() {
		String organiser = newOrganisation("MK");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		enrol(Fixtures.aMentee(programme, organiser));
		String path = "/api/v1/programmes/" + programme;

		Reply narrowed = api.patch(path, admin, Map.of("taxonomy", List.of("transnational-programmes")),
				api.get(path, admin).etag());

		assertThat(narrowed.status()).isEqualTo(422);
		assertThat(narrowed.problemFields()).containsExactly("taxonomy");
		assertThat(narrowed.body()).contains("digital-tools").contains("audience-engagement");
		Reply extended = api.patch(path, admin, Map.of("taxonomy", List.of("transnational-programmes", "digital-tools",
				"programme-development", "community-engagement", "audience-engagement", "technical-production",
				"innovative-management-models", "fundraising")), api.get(path, admin).etag());
		assertThat(extended.status()).isEqualTo(200);
	}

	@Test
	void organisationsAreRegisteredOnceAndListedInPages() {
		String id = "org-import-" + Fixtures.unique();
		Reply first = api.post("/api/v1/organisations", admin, Fixtures.anOrganisation(id, "SI"));
		Reply again = api.post("/api/v1/organisations", admin, Fixtures.anOrganisation(id, "SI"));
		Reply generated = api.post("/api/v1/organisations", admin, Fixtures.anOrganisation(null, "HR").without("id"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Location")).isEqualTo("/api/v1/organisations/" + id);
		assertThat(again.status()).isEqualTo(409);
		assertThat(generated.status()).isEqualTo(201);
		assertThat(generated.text("id")).startsWith("org-");
		awaitEvent(Topics.PARTICIPANTS, EventType.ORGANISATION_REGISTERED.typeName(), id);

		Reply page = api.get("/api/v1/organisations?page=0&size=2", admin);
		assertThat(page.json().path("items")).hasSize(2);
		assertThat(page.json().path("size").asInt()).isEqualTo(2);
		assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(api.get("/api/v1/organisations/" + id, TOKENS.coordinator(id)).status())
			.as("its own coordinators see it").isEqualTo(200);
	}

	@Test
	void theApiDocumentDescribesEveryResource() {
		Reply document = api.get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body()).contains("/api/v1/organisations", "/api/v1/programmes/{id}/milestones",
				"/api/v1/participants/{id}/export", "/api/v1/participants/{id}/consent", "/api/v1/participants/{id}/accept");
	}

}
