package com.kreativnomentorstvo.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

/**
 * A participant's inbox, delivery log, preferences and personal-data export are hers, her
 * steward's and the admins': her own organisation's coordinators when it takes part in the
 * programme, the organiser's when it does not. The organiser's coordinators for a partner's
 * participant, another partner's, and her organisation's when it is not part of the programme get
 * 404, as for someone who does not exist.
 */
class StewardshipIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Autowired
	RecipientDirectory recipients;

	@Autowired
	ProgrammeDirectory programmes;

	@Test
	void aPartnersParticipantIsHerOwnOrganisationsToLookAfterNotTheOrganisersNorAnotherPartners() {
		Programme programme = programme();
		Person mentee = known(Fixtures.aMentee(programme.id, programme.partner));
		String steward = TOKENS.coordinator(programme.partner);
		ServiceApi api = api();

		for (String path : readPaths(mentee)) {
			assertThat(api.get(path, steward).status()).as(path).isEqualTo(200);
			assertThat(api.get(path, TOKENS.admin("org-operator")).status()).as(path).isEqualTo(200);
			for (String other : List.of(programme.organiser, programme.otherPartner, Fixtures.unique("org"))) {
				Reply refused = api.get(path, TOKENS.coordinator(other));
				assertThat(refused.status()).as(path + " by " + other).isEqualTo(404);
				assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			}
			assertThat(api.get(path, TOKENS.participant(Fixtures.unique("mentor"), programme.partner, "mentor"))
				.status()).as(path + " by another participant").isEqualTo(404);
		}
		String preferences = "/api/v1/participants/" + mentee.id + "/notification-preferences";
		Map<String, Object> choice = Map.of("digest", "DAILY");
		assertThat(api.put(preferences, steward, choice).status()).isEqualTo(403);
		assertThat(api.put(preferences, TOKENS.coordinator(programme.organiser), choice).status())
			.isEqualTo(404);
		assertThat(api.put(preferences, TOKENS.coordinator(programme.otherPartner), choice).status())
			.isEqualTo(404);
		assertThat(api.put(preferences, mentee.token(), choice).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/participants/" + mentee.id + "/personal-data/notifications", mentee.token())
			.status()).isEqualTo(200);
	}

	@Test
	void aParticipantWhoseOrganisationIsNotPartOfTheProgrammeIsTheOrganisersToLookAfter() {
		Programme programme = programme();
		String outside = Fixtures.unique("org-outside");
		Person mentee = known(Fixtures.aMentee(programme.id, outside));
		ServiceApi api = api();

		for (String path : readPaths(mentee)) {
			assertThat(api.get(path, TOKENS.coordinator(programme.organiser)).status()).as(path).isEqualTo(200);
			for (String other : List.of(outside, programme.partner, programme.otherPartner)) {
				assertThat(api.get(path, TOKENS.coordinator(other)).status()).as(path + " by " + other).isEqualTo(404);
			}
		}
	}

	@Test
	void anUnknownOrErasedParticipantHasNoExport() {
		Programme programme = programme();
		Person mentee = known(Fixtures.aMentee(programme.id, programme.partner));
		String path = "/api/v1/participants/" + mentee.id + "/personal-data/notifications";
		assertThat(api().get(path, TOKENS.admin("org-operator")).status()).isEqualTo(200);

		Events.tombstone(mentee.id);
		eventually().until(() -> recipients.isErased(mentee.id));

		assertThat(api().get(path, TOKENS.admin("org-operator")).status()).isEqualTo(404);
		assertThat(api().get(path, TOKENS.coordinator(programme.partner)).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/participants/p-nobody/personal-data/notifications", TOKENS.admin("org-operator"))
			.status()).isEqualTo(404);
	}

	private static List<String> readPaths(Person person) {
		return List.of("/api/v1/notifications?recipientId=" + person.id,
				"/api/v1/notifications/deliveries?recipientId=" + person.id,
				"/api/v1/participants/" + person.id + "/notification-preferences",
				"/api/v1/participants/" + person.id + "/personal-data/notifications");
	}

	private Person known(Person person) {
		Events.publish(person.enrolled());
		eventually().until(() -> recipients.find(person.id).isPresent());
		return person;
	}

	/** A programme of a fresh organiser with two partners, known to the service. */
	private Programme programme() {
		Programme programme = new Programme(Fixtures.unique("programme"), Fixtures.unique("org-organiser"),
				Fixtures.unique("org-partner"), Fixtures.unique("org-other-partner"));
		Events.publish(Fixtures.programme(programme.id, programme.organiser,
				List.of(programme.partner, programme.otherPartner), null));
		eventually().until(() -> programmes.find(programme.id).isPresent());
		return programme;
	}

	private record Programme(String id, String organiser, String partner, String otherPartner) {
	}

}
