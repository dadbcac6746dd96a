package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * A person with a mentor or mentee account applies for herself, while the programme's enrolment
 * window is open, in her account's role and for her own organisation.
 */
class SelfApplicationIT extends ServiceIT {

	@Test
	void anApplicantWithoutAParticipantIdAppliesAndFindsHerApplicationByHerAccount() {
		String organisation = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organisation));
		String account = "applicant-" + Fixtures.unique();
		String applicant = TOKENS.token().subject(account).organisation(organisation).roles("mentee").sign();

		assertThat(api.get("/api/v1/programmes/" + programme, applicant).status())
			.as("an open call is visible to applicants").isEqualTo(200);
		Reply applied = api.post("/api/v1/participants", applicant, Fixtures.aMentee(programme, organisation));

		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		String id = applied.text("id");
		assertThat(id).startsWith("p-");
		assertThat(applied.text("status")).isEqualTo("APPLIED");
		assertThat(api.get("/api/v1/participants/" + id, applicant).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/participants", applicant).json().path("items"))
			.extracting(item -> item.path("id").asString())
			.containsExactly(id);
		String someoneElse = TOKENS.token().subject("another-" + Fixtures.unique()).organisation(organisation)
			.roles("mentee").sign();
		assertThat(api.get("/api/v1/participants/" + id, someoneElse).status()).isEqualTo(404);
	}

	@Test
	void oneAccountAppliesToAProgrammeOnceAndToTheNextCycleAgainInAnotherRole() {
		String organisation = newOrganisation("HR");
		String thisYear = newProgramme(Fixtures.aProgramme(organisation));
		String nextYear = newProgramme(Fixtures.aProgramme(organisation));
		String account = "acc-returning-" + Fixtures.unique();
		String token = TOKENS.token().subject(account).organisation(organisation).roles("mentee").sign();

		Reply first = api.post("/api/v1/participants", token, Fixtures.aMentee(thisYear, organisation));
		Reply second = api.post("/api/v1/participants", token, Fixtures.aMentee(thisYear, organisation));
		Reply nextCycle = api.post("/api/v1/participants", token, Fixtures.aMentor(nextYear, organisation));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.problemType()).isEqualTo("urn:mentoring:problem:already-enrolled");
		assertThat(nextCycle.status()).as(nextCycle.toString()).isEqualTo(201);
		assertThat(nextCycle.text("role")).isEqualTo("MENTOR");
		assertThat(api.get("/api/v1/participants", token).json().path("items"))
			.extracting(item -> item.path("id").asString())
			.containsExactlyInAnyOrder(first.text("id"), nextCycle.text("id"));
	}

	@Test
	void anApplicantChoosesNeitherHerIdNorHerAccountNorAStrangeOrganisation() {
		String organisation = newOrganisation("MK");
		String partner = newOrganisation("SI");
		String outsider = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organisation, partner));
		String token = TOKENS.token().subject("applicant-" + Fixtures.unique()).organisation(organisation)
			.roles("mentee").sign();

		Reply withId = api.post("/api/v1/participants", token,
				Fixtures.aMentee(programme, organisation).with("id", "p-chosen-" + Fixtures.unique()));
		Reply withAccount = api.post("/api/v1/participants", token,
				Fixtures.aMentee(programme, organisation).with("accountId", "acc-someone-else"));
		Reply forOutsider = api.post("/api/v1/participants", token, Fixtures.aMentee(programme, outsider));
		Reply forPartner = api.post("/api/v1/participants", token, Fixtures.aMentee(programme, partner));

		assertThat(withId.status()).isEqualTo(422);
		assertThat(withId.problemFields()).containsExactly("id");
		assertThat(withAccount.status()).isEqualTo(422);
		assertThat(withAccount.problemFields()).containsExactly("accountId");
		assertThat(forOutsider.status()).isEqualTo(422);
		assertThat(forOutsider.problemFields()).containsExactly("organisationId");
		assertThat(forPartner.status()).as("any organisation of the programme").isEqualTo(201);
	}

	@Test
	void enrolmentOutsideTheWindowIsAConflictThatGivesTheDates() {
		String organisation = newOrganisation("SI");
		LocalDate today = Fixtures.today();
		String closed = newProgramme(Fixtures.aProgramme(organisation)
			.with("enrolmentOpensOn", today.minusDays(40).toString())
			.with("enrolmentClosesOn", today.minusDays(10).toString()));
		String notYetOpen = newProgramme(Fixtures.aProgramme(organisation)
			.with("enrolmentOpensOn", today.plusDays(5).toString())
			.with("enrolmentClosesOn", today.plusDays(25).toString()));
		String token = TOKENS.token().subject("late-" + Fixtures.unique()).organisation(organisation)
			.roles("mentee").sign();

		Reply late = api.post("/api/v1/participants", token, Fixtures.aMentee(closed, organisation));
		Reply early = api.post("/api/v1/participants", token, Fixtures.aMentee(notYetOpen, organisation));

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.problemType()).isEqualTo("urn:mentoring:problem:enrolment-closed");
		assertThat(late.text("detail")).contains(today.minusDays(40).toString()).contains(today.minusDays(10).toString());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("detail")).contains(today.plusDays(5).toString());
		assertThat(api.get("/api/v1/participants", token).json().path("total").asLong()).isZero();
		assertThat(api.get("/api/v1/programmes/" + closed, token).status())
			.as("a closed call is not listed for applicants").isEqualTo(404);

		Reply byCoordinator = api.post("/api/v1/participants", TOKENS.coordinator(organisation),
				Fixtures.aMentee(closed, organisation));
		assertThat(byCoordinator.status()).as("coordinators enrol late entrants").isEqualTo(201);
	}

	@Test
	void oneEmailAddressAppliesOncePerProgramme() {
		String organisation = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organisation));
		Json first = Fixtures.aMentee(programme, organisation);
		enrol(first);

		Reply again = api.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organisation).with("email", ((String) first.get("email")).toUpperCase()));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("urn:mentoring:problem:already-applied");
	}

	@Test
	void aMentorsCapacityDefaultsToTheProgrammesPolicy() {
		String organisation = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organisation)
			.with("matchingPolicy", Map.of("defaultMentorCapacity", 3)));

		Reply enrolled = api.post("/api/v1/participants", admin,
				Fixtures.aMentor(programme, organisation).without("capacity"));

		assertThat(enrolled.json().path("capacity").asInt()).isEqualTo(3);
	}

}
