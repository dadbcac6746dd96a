package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.account.Account;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * The whole way through the service, over HTTP against the real broker and store: organisations,
 * a programme, mentors and mentees enrolled, reviewed, updated, withdrawn and erased, with every
 * event on Kafka checked against its schema.
 */
class LifecycleIT extends ServiceIT {

	@Test
	void aProgrammeRunsFromRegistrationToErasureAndTellsTheNetworkEachStep() {
		// organisations: the organiser, a partner, and an NGO whose member applies as a mentee
		String organiser = newOrganisationAs("RS");
		String partner = newOrganisationAs("HR");
		String ngo = newOrganisationAs("MK");
		String organiserCoordinator = TOKENS.coordinator(organiser);
		String partnerCoordinator = TOKENS.coordinator(partner);

		// the organiser's coordinator sets up the programme
		Reply created = api.post("/api/v1/programmes", organiserCoordinator, Fixtures.aProgramme(organiser, partner));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String programme = created.text("id");
		assertThat(created.header("Location")).isEqualTo("/api/v1/programmes/" + programme);
		assertThat(created.json().path("taxonomy")).hasSize(7);
		awaitEvent(Topics.PARTICIPANTS, EventType.PROGRAMME_CREATED.typeName(), programme);
		assertThat(api.get("/api/v1/programmes/" + programme, partnerCoordinator).status()).isEqualTo(200);

		// a coordinator enrols a mentor; a mentee applies for herself
		String suffix = Fixtures.unique();
		Json mentorForm = Fixtures.aMentor(programme, organiser)
			.with("id", "p-mentor-" + suffix)
			.with("displayName", "Ana Mentor" + suffix)
			.with("email", "ana-" + suffix + "@example.org")
			.with("bio", "Producer of festivals " + suffix)
			.with("city", "Novi" + suffix);
		String mentor = enrol(mentorForm);
		assertThat(mentor).isEqualTo("p-mentor-" + suffix);

		// she has an account at the identity provider already, and applies signed in
		String menteeAccount = "acc-mentee-" + suffix;
		accounts.add(new Account(menteeAccount, "jovana-" + suffix + "@example.org", "Jovana", "mk", ngo,
				List.of("mentee"), true, true));
		String menteeToken = TOKENS.token().subject(menteeAccount).organisation(ngo).roles("mentee").sign();
		Json menteeForm = Fixtures.aMentee(programme, ngo)
			.with("displayName", "Jovana Mentee" + suffix)
			.with("email", "jovana-" + suffix + "@example.org")
			.with("bio", "Curator of a small museum " + suffix)
			.with("city", "Bitola" + suffix)
			.with("country", "MK")
			.with("languages", List.of("mk", "en"))
			.with("preferredLocale", "mk")
			.with("timeZone", "Europe/Skopje");
		Reply applied = api.post("/api/v1/participants", menteeToken, menteeForm);
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		String mentee = applied.text("id");
		assertThat(applied.text("accountId")).as("applying while signed in, the enrolment is hers at once")
			.isEqualTo(menteeAccount);
		assertThat(applied.text("status")).isEqualTo("APPLIED");
		assertThat(applied.header("Location")).isEqualTo("/api/v1/participants/" + mentee);

		ConsumerRecord<String, byte[]> enrolled = awaitEvent(Topics.PARTICIPANTS,
				EventType.PARTICIPANT_ENROLLED.typeName(), mentee);
		assertThat(EventRecords.header(enrolled, "ce_programmeid")).isEqualTo(programme);
		assertThat(EventRecords.value(enrolled)).contains("\"status\":\"APPLIED\"")
			.doesNotContain("Jovana")
			.doesNotContain("jovana-" + suffix)
			.doesNotContain("Curator");
		ConsumerRecord<String, byte[]> contact = awaitEvent(Topics.PARTICIPANT_CONTACTS,
				EventType.PARTICIPANT_CONTACT_CHANGED.typeName(), mentee);
		assertThat(EventRecords.value(contact)).contains("jovana-" + suffix + "@example.org").contains("\"mk\"");
		awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_ENROLLED.typeName(), mentor);

		// their steward reviews (the organiser's coordinators: the mentor is the organiser's, the mentee
		// applied through an organisation outside the programme): accepts the mentor, rejects the
		// mentee, then reconsiders; the partner's coordinator may not, and sees their cards only
		assertThat(api.post("/api/v1/participants/" + mentor + "/accept", partnerCoordinator, "{}").status())
			.as("a partner does not review the organiser's participants").isEqualTo(403);
		Reply accepted = api.post("/api/v1/participants/" + mentor + "/accept", organiserCoordinator, "{}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
		Reply rejected = api.post("/api/v1/participants/" + mentee + "/reject", organiserCoordinator,
				Map.of("reason", "Secret reason " + suffix));
		assertThat(rejected.text("status")).isEqualTo("REJECTED");
		assertThat(rejected.json().path("review").path("reason").asString()).isEqualTo("Secret reason " + suffix);
		assertThat(api.get("/api/v1/participants/" + mentee, menteeToken).json().path("review").has("reason"))
			.as("the reason is her steward's to see; she finds it in her export").isFalse();
		Reply partnersView = api.get("/api/v1/participants/" + mentee, partnerCoordinator);
		assertThat(partnersView.status()).isEqualTo(200);
		assertThat(partnersView.body()).as("a partner sees her profile card")
			.doesNotContain("Secret reason", "jovana-" + suffix);
		Reply reconsidered = api.post("/api/v1/participants/" + mentee + "/accept", organiserCoordinator, "{}");
		assertThat(reconsidered.text("status")).isEqualTo("ACCEPTED");
		List<JsonNode> menteeUpdates = awaitProfileUpdates(mentee, 2);
		assertThat(menteeUpdates).extracting(update -> update.path("profile").path("status").asString())
			.containsExactly("REJECTED", "ACCEPTED");
		assertThat(menteeUpdates).extracting(update -> update.path("version").asLong()).containsExactly(1L, 2L);

		// she updates her profile and her name, based on what she read
		Reply read = api.get("/api/v1/participants/" + mentee, menteeToken);
		Reply changed = api.patch("/api/v1/participants/" + mentee, menteeToken,
				Map.of("city", "Skopje" + suffix, "displayName", "Jovana M." + suffix), read.etag());
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isNotEqualTo(read.etag());
		assertThat(awaitProfileUpdates(mentee, 3).get(2).path("profile").path("city").asString())
			.isEqualTo("Skopje" + suffix);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANT_CONTACTS, EventRecords.event(
					EventType.PARTICIPANT_CONTACT_CHANGED.typeName(), mentee)).size() == 2);

		// the organiser changes the programme
		Reply programmeRead = api.get("/api/v1/programmes/" + programme, organiserCoordinator);
		Reply renamed = api.patch("/api/v1/programmes/" + programme, organiserCoordinator,
				Map.of("name", "Reg. Lab " + suffix), programmeRead.etag());
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		ConsumerRecord<String, byte[]> programmeUpdated = awaitEvent(Topics.PARTICIPANTS,
				EventType.PROGRAMME_UPDATED.typeName(), programme);
		assertThat(EventRecords.value(programmeUpdated)).contains("Reg. Lab " + suffix).contains("\"version\":1");

		// the mentor withdraws
		String mentorToken = TOKENS.participant(mentor, organiser, "mentor");
		Reply withdrawn = api.post("/api/v1/participants/" + mentor + "/withdraw", mentorToken, null);
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
		assertThat(EventRecords.value(awaitEvent(Topics.PARTICIPANTS, EventType.PARTICIPANT_WITHDRAWN.typeName(),
				mentor))).contains("\"reason\":\"PERSONAL\"");

		// the mentee exports her data, then has it erased; a coordinator erases the mentor's on her request
		Reply export = api.get("/api/v1/participants/" + mentee + "/export", menteeToken);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).contains("attachment").contains(mentee + ".json");
		assertThat(export.body()).contains("jovana-" + suffix + "@example.org")
			.contains("Curator of a small museum " + suffix)
			.contains("Secret reason " + suffix)
			.contains("programme-participation");
		assertThat(api.delete("/api/v1/participants/" + mentee, menteeToken).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/participants/" + mentor, organiserCoordinator).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/participants/" + mentee, menteeToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/participants/" + mentee, admin).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/participants/" + mentee, organiserCoordinator).status())
			.as("erasing twice is harmless").isEqualTo(204);
		assertThat(api.delete("/api/v1/participants/" + mentee, partnerCoordinator).status())
			.as("and not another organisation's to try").isEqualTo(404);
		assertThat(api.delete("/api/v1/participants/" + mentee, menteeToken).status())
			.as("the erased record is no longer her account's").isEqualTo(404);

		for (String erased : List.of(mentee, mentor)) {
			ConsumerRecord<String, byte[]> erasedEvent = awaitEvent(Topics.PARTICIPANTS,
					EventType.PARTICIPANT_ERASED.typeName(), erased);
			assertThat(EventRecords.value(erasedEvent)).contains(erased).contains(programme);
			ConsumerRecord<String, byte[]> tombstone = EventRecords.await(Topics.PARTICIPANT_CONTACTS,
					r -> erased.equals(r.key()) && r.value() == null);
			List<ConsumerRecord<String, byte[]>> contactRecords = records(Topics.PARTICIPANT_CONTACTS,
					r -> erased.equals(r.key()));
			assertThat(contactRecords.get(contactRecords.size() - 1).offset())
				.as("the tombstone is her last contact record, so compaction drops the others")
				.isEqualTo(tombstone.offset());
		}
		assertThat(records(Topics.PARTICIPANTS, EventRecords.event(EventType.PARTICIPANT_ERASED.typeName(), mentee)))
			.as("erasing twice announces it once").hasSize(1);

		// nothing personal is left in any collection of the service
		List<String> personal = List.of("Jovana Mentee" + suffix, "Jovana M." + suffix, "jovana-" + suffix, "Curator of a small museum " + suffix,
				"Bitola" + suffix, "Skopje" + suffix, "Secret reason " + suffix, "Ana Mentor" + suffix,
				"ana-" + suffix, "Producer of festivals " + suffix, "Novi" + suffix);
		await("the outbox has published the erasure events").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(everyDocument()).allSatisfy(document -> assertThat(document)
				.doesNotContain(personal.toArray(String[]::new))));
		Document erasedRecord = mongo.findById(mentee, Document.class, "participants");
		assertThat(erasedRecord).isNotNull();
		assertThat(erasedRecord.keySet()).doesNotContain("details", "emailKey", "consent", "accountId", "answers",
				"tombstonePending");

		// every event this story caused is valid against its schema
		Set<String> subjects = Set.of(organiser, partner, ngo, programme, mentor, mentee);
		List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
		events.addAll(records(Topics.PARTICIPANTS, r -> subjects.contains(r.key())));
		events.addAll(records(Topics.PARTICIPANT_CONTACTS, r -> subjects.contains(r.key()) && r.value() != null));
		assertThat(events).extracting(ServiceIT::type)
			.contains(EventType.ORGANISATION_REGISTERED.typeName(), EventType.PROGRAMME_CREATED.typeName(),
					EventType.PROGRAMME_UPDATED.typeName(), EventType.PARTICIPANT_ENROLLED.typeName(),
					EventType.PARTICIPANT_PROFILE_UPDATED.typeName(), EventType.PARTICIPANT_WITHDRAWN.typeName(),
					EventType.PARTICIPANT_ERASED.typeName(), EventType.PARTICIPANT_CONTACT_CHANGED.typeName());
		events.forEach(EventAssertions::assertContractKept);
		assertThat(records(Topics.PARTICIPANTS, r -> subjects.contains(r.key())))
			.as("no personal data outside the contacts topic")
			.allSatisfy(r -> assertThat(EventRecords.value(r)).doesNotContain("@example.org")
				.doesNotContain("Secret reason")
				.doesNotContain("Curator"));
	}

	private String newOrganisationAs(String country) {
		String id = newOrganisation(country);
		awaitEvent(Topics.PARTICIPANTS, EventType.ORGANISATION_REGISTERED.typeName(), id);
		return id;
	}

	private static List<JsonNode> awaitProfileUpdates(String participant, int count) {
		String type = EventType.PARTICIPANT_PROFILE_UPDATED.typeName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANTS, EventRecords.event(type, participant)).size() >= count);
		List<ConsumerRecord<String, byte[]>> updates = records(Topics.PARTICIPANTS, EventRecords.event(type, participant));
		updates.forEach(EventAssertions::assertContractKept);
		return updates.stream().map(r -> Json.tree(EventRecords.value(r))).toList();
	}

	private List<String> everyDocument() {
		List<String> documents = new ArrayList<>();
		for (String collection : mongo.getCollectionNames()) {
			mongo.findAll(Document.class, collection).forEach(document -> documents.add(document.toJson()));
		}
		return documents;
	}

}
