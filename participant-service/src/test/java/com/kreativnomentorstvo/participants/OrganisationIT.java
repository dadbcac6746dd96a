package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static com.kreativnomentorstvo.testkit.EventRecords.awaitEvent;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Correcting an organisation: who may, optimistic concurrency, and what the network hears of it. */
class OrganisationIT extends ServiceIT {

	static final String UPDATED = EventType.ORGANISATION_UPDATED.typeName();

	@Test
	void anAdministratorCorrectsAnOrganisationAndTheNetworkHearsWhichFieldsChangedWithoutTheAddress() {
		String organisation = newOrganisation("MK");
		Reply before = api.get(path(organisation), admin);
		assertThat(before.etag()).isEqualTo("\"0\"");

		Reply changed = api.patch(path(organisation), admin, Json.object()
			.with("name", "  Kulturen kolektiv  ")
			.with("kind", "network")
			.with("contactEmail", "programmes@" + organisation + ".example.org"), before.etag());

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isEqualTo("\"1\"");
		assertThat(changed.text("name")).isEqualTo("Kulturen kolektiv");
		assertThat(changed.text("kind")).isEqualTo("network");
		assertThat(changed.text("country")).isEqualTo("MK");
		assertThat(changed.text("website")).isEqualTo("https://" + organisation + ".example.org");
		assertThat(changed.text("contactEmail")).isEqualTo("programmes@" + organisation + ".example.org");
		assertThat(api.get(path(organisation), admin).etag()).isEqualTo("\"1\"");

		ConsumerRecord<String, byte[]> event = awaitEvent(Topics.PARTICIPANTS, UPDATED, organisation);
		var data = Json.tree(EventRecords.value(event));
		assertThat(data.path("name").asString()).isEqualTo("Kulturen kolektiv");
		assertThat(data.path("kind").asString()).isEqualTo("network");
		assertThat(data.path("country").asString()).isEqualTo("MK");
		assertThat(data.path("version").asLong()).isEqualTo(1);
		assertThat(data.path("changedFields")).extracting(field -> field.asString())
			.containsExactly("name", "kind", "contactEmail");
		assertThat(EventRecords.header(event, "ce_organisationid")).isEqualTo(organisation);
		assertThat(EventRecords.value(event)).doesNotContain("@").doesNotContain("example.org");
	}

	@Test
	void theOrganisationsOwnCoordinatorCorrectsItAndRemovesItsWebsite() {
		String organisation = newOrganisation("RS");
		String coordinator = TOKENS.coordinator(organisation);
		Reply before = api.get(path(organisation), coordinator);
		assertThat(before.status()).isEqualTo(200);

		Reply changed = api.patch(path(organisation), coordinator,
				Json.object().with("website", null).with("name", "Kreativno mentorstvo"), before.etag());

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isNotEqualTo(before.etag());
		assertThat(changed.json().has("website")).isFalse();
		ConsumerRecord<String, byte[]> event = awaitEvent(Topics.PARTICIPANTS, UPDATED, organisation);
		assertThat(Json.tree(EventRecords.value(event)).path("changedFields")).extracting(field -> field.asString())
			.containsExactly("name", "website");
		assertThat(EventRecords.value(event)).doesNotContain("@");
	}

	@Test
	void aPatchThatChangesNothingKeepsTheVersionAndPublishesNothing() {
		String organisation = newOrganisation("HR");
		Reply before = api.get(path(organisation), admin);

		Reply same = api.patch(path(organisation), admin, Json.object().with("name", before.text("name"))
			.with("kind", before.text("kind")), before.etag());
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(same.etag()).isEqualTo(before.etag());

		assertOnlyTheNextChangeIsPublished(organisation, before.etag());
	}

	@Test
	void aStaleOrMissingIfMatchChangesNothing() {
		String organisation = newOrganisation("SI");
		Reply before = api.get(path(organisation), admin);
		assertThat(api.patch(path(organisation), admin, Map.of("name", "First"), before.etag()).status())
			.isEqualTo(200);

		Reply stale = api.patch(path(organisation), admin, Map.of("name", "Second"), before.etag());
		Reply missing = api.patch(path(organisation), admin, Map.of("name", "Third"), null);

		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		assertThat(stale.problemType()).isEqualTo("urn:mentoring:problem:stale-version");
		assertThat(missing.status()).as(missing.toString()).isEqualTo(428);
		assertThat(api.get(path(organisation), admin).text("name")).isEqualTo("First");
	}

	@Test
	void anotherOrganisationsCoordinatorFindsNothingAndAParticipantOrAPartnerMayNotChangeIt() {
		String organisation = newOrganisation("RS");
		String partner = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organisation, partner));
		String mentee = enrol(Fixtures.aMentee(programme, organisation));
		String etag = api.get(path(organisation), admin).etag();

		Reply stranger = api.patch(path(organisation), TOKENS.coordinator(newOrganisation("SI")),
				Map.of("name", "Taken over"), etag);
		Reply participant = api.patch(path(organisation), TOKENS.participant(mentee, organisation, "mentee"),
				Map.of("name", "Mine now"), etag);
		Reply partnerCoordinator = api.patch(path(organisation), TOKENS.coordinator(partner),
				Map.of("name", "Ours now"), etag);

		assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
		assertThat(stranger.problemType()).isEqualTo("urn:mentoring:problem:not-found");
		assertThat(participant.status()).as(participant.toString()).isEqualTo(403);
		assertThat(partnerCoordinator.status()).as("a partner sees it but does not run it").isEqualTo(403);
		assertOnlyTheNextChangeIsPublished(organisation, etag);
	}

	@Test
	void refusedInputStoresNothingAndPublishesNothing() {
		String organisation = newOrganisation("RS");
		String etag = api.get(path(organisation), admin).etag();

		for (Json bad : List.of(Json.object().with("name", "x".repeat(201)), Json.object().with("name", "   "),
				Json.object().with("name", null), Json.object().with("website", "not a url"),
				Json.object().with("contactEmail", "office"), Json.object().with("country", "HR"),
				Json.object().with("name", "Fine").with("motto", "unknown"))) {
			Reply reply = api.patch(path(organisation), admin, bad, etag);
			assertThat(reply.status()).as(bad + " → " + reply).isBetween(400, 422);
			assertThat(reply.problemFields()).as(reply.toString()).isNotEmpty();
		}

		assertThat(api.get(path(organisation), admin).text("name")).isEqualTo("Organisation " + organisation);
		assertOnlyTheNextChangeIsPublished(organisation, etag);
	}

	/** Makes one real change and checks it is the only organisation.updated event of the organisation. */
	private void assertOnlyTheNextChangeIsPublished(String organisation, String etag) {
		Reply fence = api.patch(path(organisation), admin, Map.of("kind", "foundation"), etag);
		assertThat(fence.status()).as(fence.toString()).isEqualTo(200);
		ConsumerRecord<String, byte[]> event = awaitEvent(Topics.PARTICIPANTS, UPDATED, organisation);
		assertThat(Json.tree(EventRecords.value(event)).path("changedFields")).extracting(field -> field.asString())
			.containsExactly("kind");
		assertThat(records(Topics.PARTICIPANTS, EventRecords.event(UPDATED, organisation))).hasSize(1);
	}

	private static String path(String organisation) {
		return "/api/v1/organisations/" + organisation;
	}

}
