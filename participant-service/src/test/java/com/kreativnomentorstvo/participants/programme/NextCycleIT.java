package com.kreativnomentorstvo.participants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * A programme copied as its next cycle: what carries over, dates shifted to the new start, where it
 * came from, who may copy it, and bad input refused naming the field with nothing stored.
 */
class NextCycleIT extends ServiceIT {

	@Test
	void theNextCycleKeepsTheSettingsAndCallWithEveryDateShiftedAndNamesWhereItCameFrom() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("HR");
		String previous = newProgramme(Fixtures.aProgramme(organiser, partner)
			.with("taxonomy", List.of("digital-tools", "community-engagement"))
			.with("matchingPolicy", Map.of("crossBorder", "AVOID", "defaultMentorCapacity", 3)));
		String coordinator = TOKENS.coordinator(organiser);
		Reply call = api.put("/api/v1/programmes/" + previous + "/call", coordinator, Json.object()
			.with("texts", Map.of("en", Map.of("summary", "A year of mentoring", "offer", "Six months",
					"eligibility", "Cultural workers")))
			.with("questions", List.of()));
		assertThat(call.status()).as(call.toString()).isEqualTo(200);
		Reply old = api.get("/api/v1/programmes/" + previous, coordinator);
		LocalDate oldStart = LocalDate.parse(old.text("startsOn"));
		LocalDate newStart = oldStart.plusYears(1);
		long days = ChronoUnit.DAYS.between(oldStart, newStart);

		Reply copied = api.post("/api/v1/programmes/" + previous + "/next-cycle", coordinator,
				Map.of("startsOn", newStart.toString(), "name", "Reg. Lab next year", "names",
						Map.of("sr-Latn", "Reg. Lab sledeće godine")));

		assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
		String next = copied.text("id");
		assertThat(next).isNotEqualTo(previous);
		JsonNode n = copied.json();
		JsonNode o = old.json();
		assertThat(copied.text("name")).isEqualTo("Reg. Lab next year");
		assertThat(n.path("names").path("sr-Latn").asText()).isEqualTo("Reg. Lab sledeće godine");
		assertThat(copied.text("previousCycleId")).isEqualTo(previous);
		assertThat(copied.text("organiserId")).isEqualTo(organiser);
		for (String same : List.of("partnerIds", "timeZone", "languages", "taxonomy", "matchingPolicy")) {
			assertThat(n.path(same)).as(same).isEqualTo(o.path(same));
		}
		for (String date : List.of("startsOn", "endsOn", "enrolmentOpensOn", "enrolmentClosesOn")) {
			assertThat(LocalDate.parse(n.path(date).asText())).as(date)
				.isEqualTo(LocalDate.parse(o.path(date).asText()).plusDays(days));
		}
		assertThat(n.path("milestones")).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(LocalDate.parse(n.path("milestones").get(i).path("date").asText()))
				.isEqualTo(LocalDate.parse(o.path("milestones").get(i).path("date").asText()).plusDays(days));
		}
		assertThat(copied.text("status")).as("its enrolment opens in a year").isEqualTo("DRAFT");
		Reply nextCall = api.get("/api/v1/programmes/" + next + "/call", coordinator);
		assertThat(nextCall.json()).isEqualTo(call.json());
		assertThat(api.get("/api/v1/programmes/" + previous, coordinator).json().path("nextCycleIds"))
			.extracting(JsonNode::asText)
			.containsExactly(next);

		String created = EventType.PROGRAMME_CREATED.typeName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !records(Topics.PARTICIPANTS, EventRecords.event(created, next)).isEmpty());
		ProgrammeCreated event = EventAssertions.assertContractKept(
				records(Topics.PARTICIPANTS, EventRecords.event(created, next)).get(0), ProgrammeCreated.class);
		assertThat(event.programme().previousCycleId()).isEqualTo(previous);
		assertThat(event.programme().partnerIds()).containsExactly(partner);
		assertThat(event.programme().milestones()).extracting(Milestone::date)
			.allSatisfy(date -> assertThat(date).isAfter(newStart.minusDays(1)));
	}

	@Test
	void copyingTwiceMakesTwoCycles() {
		String organiser = newOrganisation("SI");
		String previous = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		LocalDate newStart = Fixtures.today().plusDays(400);

		Reply first = api.post("/api/v1/programmes/" + previous + "/next-cycle", coordinator,
				Map.of("startsOn", newStart.toString(), "name", "Next"));
		Reply second = api.post("/api/v1/programmes/" + previous + "/next-cycle", coordinator,
				Map.of("startsOn", newStart.toString(), "name", "Next again"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/programmes/" + previous, coordinator).json().path("nextCycleIds"))
			.extracting(JsonNode::asText)
			.containsExactlyInAnyOrder(first.text("id"), second.text("id"));
	}

	@Test
	void onlyTheOrganisersCoordinatorsAndAdministratorsCopyAProgramme() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("MK");
		String outsider = newOrganisation("HR");
		String previous = newProgramme(Fixtures.aProgramme(organiser, partner));
		String path = "/api/v1/programmes/" + previous + "/next-cycle";
		Map<String, String> body = Map.of("startsOn", Fixtures.today().plusDays(400).toString(), "name", "Next");

		Reply byPartner = api.post(path, TOKENS.coordinator(partner), body);
		Reply byOutsider = api.post(path, TOKENS.coordinator(outsider), body);
		Reply anonymous = api.post(path, null, body);
		Reply byAdmin = api.post(path, admin, body);

		assertThat(byPartner.status()).as(byPartner.toString()).isEqualTo(403);
		assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
		assertThat(api.get("/api/v1/programmes/" + previous, admin).json().path("nextCycleIds"))
			.as("the refused copies left nothing")
			.extracting(JsonNode::asText)
			.containsExactly(byAdmin.text("id"));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
		String organiser = newOrganisation("RS");
		String previous = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + previous + "/next-cycle";
		LocalDate today = Fixtures.today();
		long before = api.get("/api/v1/programmes?size=100", admin).json().path("total").asLong();

		Reply noStart = api.post(path, coordinator, Map.of("name", "Next"));
		Reply pastStart = api.post(path, coordinator, Map.of("startsOn", today.minusDays(2).toString(), "name", "Next"));
		Reply notAfter = api.post(path, coordinator,
				Map.of("startsOn", today.plusDays(10).toString(), "name", "Next"));
		Reply noName = api.post(path, coordinator, Map.of("startsOn", today.plusDays(400).toString()));
		Reply badLanguage = api.post(path, coordinator, Map.of("startsOn", today.plusDays(400).toString(), "name",
				"Next", "names", Map.of("xx", "Next")));
		Reply unknown = api.post("/api/v1/programmes/prog-unknown/next-cycle", coordinator,
				Map.of("startsOn", today.plusDays(400).toString(), "name", "Next"));

		for (Reply refused : List.of(noStart, pastStart, notAfter)) {
			assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.problemFields()).containsExactly("startsOn");
		}
		assertThat(pastStart.text("detail")).as("names the programme's today, which may have turned meanwhile")
			.containsAnyOf(today.toString(), Fixtures.today().toString());
		assertThat(noName.status()).isIn(400, 422);
		assertThat(noName.problemFields()).containsExactly("name");
		assertThat(badLanguage.status()).isIn(400, 422);
		assertThat(badLanguage.problemFields()).containsExactly("names.xx");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/programmes?size=100", admin).json().path("total").asLong()).isEqualTo(before);
		assertThat(api.get("/api/v1/programmes/" + previous, coordinator).json().has("nextCycleIds")).isFalse();
	}

}
