package com.kreativnomentorstvo.participants.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Coordinators invite mentors directly, one by one or from a list: each gets an account and one
 * invitation, also when the list is sent twice; a list with a bad row invites nobody and says which
 * rows were bad and which were good; the invited person is enrolled once she completes her profile.
 */
class InvitationsIT extends ServiceIT {

	@Test
	void aListOfFortyMentorsInvitesEachOnceEvenWhenItIsSentTwice() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(organiser, partner));
		String coordinator = TOKENS.coordinator(organiser);
		String batch = Fixtures.unique();
		StringBuilder csv = new StringBuilder("Name;E-mail;Role;Organisation;Language\n");
		for (int i = 1; i <= 40; i++) {
			csv.append("Mentor ").append(i).append(';')
				.append("mentor-").append(i).append('-').append(batch).append("@example.org;mentor;")
				.append(i % 2 == 0 ? organiser : partner).append(';')
				.append(List.of("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl").get(i % 6)).append('\n');
		}

		Reply first = finished(api.sendTyped("POST", "/api/v1/programmes/" + programme + "/invitations", coordinator,
				"text/csv", csv.toString()), coordinator);
		Reply second = finished(api.sendTyped("POST", "/api/v1/programmes/" + programme + "/invitations", coordinator,
				"text/csv", csv.toString()), coordinator);

		assertThat(first.json().path("invited")).hasSize(40);
		assertThat(first.json().path("alreadyInvited")).isEmpty();
		assertThat(second.json().path("invited")).isEmpty();
		assertThat(second.json().path("alreadyInvited")).hasSize(40);
		List<String> ids = new ArrayList<>();
		first.json().path("invited").forEach(row -> ids.add(row.path("participantId").asString()));
		assertThat(second.json().path("alreadyInvited")).extracting(row -> row.path("participantId").asString())
			.containsExactlyInAnyOrderElementsOf(ids);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANTS, r -> ids.contains(r.key())
					&& EventType.PARTICIPANT_INVITED.typeName().equals(type(r))).size() == 40);
		assertThat(mongo.findAll(org.bson.Document.class, "invitationBatches").toString())
			.as("a finished list keeps no names or addresses").doesNotContain(batch);
		assertThat(accounts.all()).filteredOn(account -> account.email().endsWith("-" + batch + "@example.org"))
			.hasSize(40)
			.allSatisfy(account -> assertThat(account.roles()).containsExactly("mentor"));
		// the first row is the partner's: its coordinators (and administrators) see her whole record
		assertThat(api.get("/api/v1/participants/" + ids.get(0), TOKENS.coordinator(partner)).text("pending"))
			.isEqualTo("PROFILE_COMPLETION");
	}

	@Test
	void aListWithBadRowsInvitesNobodyAndNamesTheBadAndTheGoodRows() {
		String organiser = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String batch = Fixtures.unique();
		String csv = """
				name,email,role,organisation,language
				Ana Good,ana-%1$s@example.org,MENTOR,%2$s,hr
				Bad Address,not-an-address,MENTOR,%2$s,hr
				Marko Good,marko-%1$s@example.org,MENTEE,%2$s,en
				Wrong Role,wrong-%1$s@example.org,COACH,%2$s,hr
				Twice,ana-%1$s@example.org,MENTOR,%2$s,hr
				Elsewhere,else-%1$s@example.org,MENTOR,org-not-in-programme,de
				""".formatted(batch, organiser);

		Reply refused = api.sendTyped("POST", "/api/v1/programmes/" + programme + "/invitations",
				TOKENS.coordinator(organiser), "text/csv", csv);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.problemFields()).containsExactlyInAnyOrder("rows[3].email", "rows[5].role",
				"rows[6].email", "rows[7].organisation", "rows[7].language");
		assertThat(refused.json().path("goodRows")).extracting(row -> row.path("row").asInt()).containsExactly(2, 4);
		assertThat(mongo.exists(Query.query(Criteria.where("programmeId").is(programme)), Participant.class))
			.as("nobody invited").isFalse();
		assertThat(accounts.all()).noneMatch(account -> account.email().contains(batch));
	}

	@Test
	void aListWithoutItsColumnsOrFromAnotherOrganisationIsRefused() {
		String organiser = newOrganisation("MK");
		String other = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));

		Reply noHeader = api.sendTyped("POST", "/api/v1/programmes/" + programme + "/invitations",
				TOKENS.coordinator(organiser), "text/csv", "Ana,ana@example.org,MENTOR," + organiser + ",mk\n");
		Reply outsider = api.sendTyped("POST", "/api/v1/programmes/" + programme + "/invitations",
				TOKENS.coordinator(other), "text/csv", "name,email,role,organisation,language\n");

		assertThat(noHeader.status()).isEqualTo(422);
		assertThat(noHeader.problemFields()).containsExactly("header");
		assertThat(outsider.status()).isEqualTo(404);
	}

	@Test
	void aListWaitsWhileTheIdentityProviderIsDownAndIsDoneOnceItIsBack() {
		String organiser = newOrganisation("MK");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		Reply queued;
		accounts.down(true);
		try {
			queued = api.post("/api/v1/programmes/" + programme + "/invitations", coordinator,
					List.of(Map.of("name", "Elena S.", "email", "elena-" + Fixtures.unique() + "@example.org", "role",
							"MENTOR", "organisation", organiser, "language", "mk")));
			assertThat(queued.status()).isEqualTo(202);
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> api.get(queued.header("Location"), coordinator).text("problem") != null);
			assertThat(api.get(queued.header("Location"), coordinator).text("status")).isEqualTo("QUEUED");
		}
		finally {
			accounts.down(false);
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(queued.text("id"))),
				new org.springframework.data.mongodb.core.query.Update().set("leaseUntil", java.time.Instant.EPOCH),
				"invitationBatches");

		Reply done = finished(queued, coordinator);

		assertThat(done.json().path("invited")).hasSize(1);
		assertThat(done.json().has("problem")).isFalse();
	}

	@Test
	void anInvitedMentorCompletesHerProfileAndIsEnrolledAccepted() {
		String organiser = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String email = "tina-" + Fixtures.unique() + "@example.org";
		Reply invited = finished(api.post("/api/v1/programmes/" + programme + "/invitations",
				TOKENS.coordinator(organiser), List.of(Map.of("name", "Tina Kovač", "email", email, "role", "MENTOR",
						"organisation", organiser, "language", "sl"))), TOKENS.coordinator(organiser));
		String id = invited.json().path("invited").get(0).path("participantId").asString();
		Account account = accounts.findByEmail(email).orElseThrow();
		assertThat(EventRecords.value(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_INVITED.typeName(), id)))
			.contains(account.id()).contains("passwordLinkId");
		String her = TOKENS.token().subject(account.id()).organisation(organiser).roles("mentor").sign();

		assertThat(api.get("/api/v1/participants/" + id, her).text("pending")).isEqualTo("PROFILE_COMPLETION");
		Json profile = Fixtures.aMentor(programme, organiser).with("email", email).with("displayName", "Tina Kovač");
		Reply wrongRole = api.post("/api/v1/participants/" + id + "/enrolment", her,
				Fixtures.aMentee(programme, organiser).with("email", email));
		Reply completed = api.post("/api/v1/participants/" + id + "/enrolment", her, profile);

		assertThat(wrongRole.status()).isEqualTo(422);
		assertThat(wrongRole.problemFields()).contains("role");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.text("status")).isEqualTo("ACCEPTED");
		assertThat(completed.json().has("pending")).isFalse();
		assertThat(EventRecords.value(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ENROLLED.typeName(), id)))
			.contains("\"status\":\"ACCEPTED\"").contains(account.id());
		assertThat(api.post("/api/v1/participants/" + id + "/enrolment", her, profile).status()).isEqualTo(409);
	}

	/** The list's resource once it is done (the answer to sending it is 202 with its location). */
	private Reply finished(Reply accepted, String coordinator) {
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String location = accepted.header("Location");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.pollInterval(java.time.Duration.ofMillis(200))
			.until(() -> "DONE".equals(api.get(location, coordinator).text("status")));
		return api.get(location, coordinator);
	}

}
