package com.kreativnomentorstvo.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.notifications.support.EventStream;
import com.kreativnomentorstvo.notifications.support.Events;
import com.kreativnomentorstvo.notifications.support.Fixtures;
import com.kreativnomentorstvo.notifications.support.Fixtures.Person;
import com.kreativnomentorstvo.notifications.support.ServiceUnderTest;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

class InboxIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Autowired
	Notifications notifications;

	@Test
	void anEnrolmentAppearsInTheParticipantsInboxAsEnrolmentConfirmed() {
		Programme programme = programme();
		Person mentee = Fixtures.aMentee(programme.id, programme.organiser).speaking("hr");
		Events.publish(mentee.enrolled());
		String token = TOKENS.participant(mentee.id, mentee.organisationId, "mentee");

		JsonNode inbox = awaitInbox("/api/v1/notifications", token, 1);

		assertThat(inbox.path("page").asInt()).isZero();
		assertThat(inbox.path("size").asInt()).isEqualTo(20);
		assertThat(inbox.path("total").asLong()).isEqualTo(1);
		JsonNode item = inbox.path("items").get(0);
		assertThat(item.path("kind").asString()).isEqualTo("enrolment-confirmed");
		assertThat(item.path("id").asString()).isNotBlank();
		assertThat(item.path("title").asString()).isEqualTo("Vaša prijava u program Reg. Lab je potvrđena");
		assertThat(item.path("body").asString()).startsWith("Hvala Vam što ste se pridružili programu Reg. Lab.");
		assertThat(item.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(item.has("readAt")).isTrue();
		assertThat(item.path("readAt").isNull()).isTrue();
		assertThat(item.path("locale").asString()).isEqualTo("hr");
	}

	@Test
	void adminsAndHerStewardsCoordinatorsSeeAParticipantsInboxNobodyElseDoes() {
		Programme programme = programme();
		Person mentee = Fixtures.aMentee(programme.id, programme.organiser);
		Events.publish(mentee.enrolled());
		String path = "/api/v1/notifications?recipientId=" + mentee.id;
		awaitInbox(path, TOKENS.admin("org-elsewhere"), 1);
		ServiceApi api = api();

		assertThat(api.get(path, TOKENS.coordinator(programme.organiser)).json().path("items").get(0).path("kind")
			.asString()).isEqualTo("enrolment-confirmed");
		// a partner of the same programme sees her profile card elsewhere, never her inbox
		assertThat(api.get(path, TOKENS.coordinator(programme.partner)).status()).isEqualTo(404);
		Reply stranger = api.get(path, TOKENS.coordinator(Fixtures.unique("org")));
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get(path, TOKENS.participant(Fixtures.unique("mentee"), programme.organiser, "mentee")).status())
			.isEqualTo(404);
		assertThat(api.get(path, TOKENS.participant(Fixtures.unique("mentor"), programme.organiser, "mentor")).status())
			.isEqualTo(404);
		assertThat(api.get(path, null).status()).isEqualTo(401);
		// a coordinator's own inbox holds what she receives as staff, not her participants' messages
		Reply own = api.get("/api/v1/notifications", TOKENS.coordinator(programme.organiser));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().path("items").findValuesAsString("recipientId")).doesNotContain(mentee.id);
		Reply noRecipient = api.get("/api/v1/notifications", TOKENS.admin(programme.organiser));
		assertThat(noRecipient.status()).isEqualTo(422);
		assertThat(noRecipient.json().path("errors").get(0).path("field").asString()).isEqualTo("recipientId");
		Reply tooBig = api.get(path + "&size=101", TOKENS.admin("org-elsewhere"));
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	@Test
	void onlyTheRecipientMarksANotificationReadAndTheFirstTimeStays() {
		Programme programme = programme();
		Person mentee = Fixtures.aMentee(programme.id, programme.organiser);
		Events.publish(mentee.enrolled());
		String token = TOKENS.participant(mentee.id, mentee.organisationId, "mentee");
		String id = awaitInbox("/api/v1/notifications", token, 1).path("items").get(0).path("id").asString();
		ServiceApi api = api();

		assertThat(api.post("/api/v1/notifications/" + id + "/read", TOKENS.admin(programme.organiser), "").status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/notifications/" + id + "/read",
				TOKENS.participant(Fixtures.unique("mentee"), programme.organiser, "mentee"), "").status()).isEqualTo(404);
		Reply read = api.post("/api/v1/notifications/" + id + "/read", token, "");
		assertThat(read.status()).isEqualTo(200);
		String readAt = read.json().path("readAt").asString();
		assertThat(readAt).isNotBlank();

		clock.advance(Duration.ofMinutes(5));
		assertThat(api.post("/api/v1/notifications/" + id + "/read", token, "").json().path("readAt").asString())
			.isEqualTo(readAt);
		assertThat(api.get("/api/v1/notifications?unread=true", token).json().path("total").asLong()).isZero();
		assertThat(api.get("/api/v1/notifications", token).json().path("items").get(0).path("readAt").asString())
			.isEqualTo(readAt);
		assertThat(api.post("/api/v1/notifications/no-such-id/read", token, "").status()).isEqualTo(404);
	}

	@Test
	void theStreamSendsTheSignedInParticipantHerNewNotifications() {
		Programme programme = programme();
		Person mentor = Fixtures.aMentor(programme.id, programme.organiser);
		Person mentee = Fixtures.aMentee(programme.id, programme.organiser);
		String token = enrolWithTheMenteeSignedIn(mentor, mentee);
		ServiceApi api = api();
		try (EventStream stream = EventStream.open(api, token, null)) {
			assertThat(stream.status()).isEqualTo(200);
			eventually().until(stream::connected);

			Events.publish(proposal(mentor, mentee));

			eventually().until(() -> stream.data().stream().anyMatch(l -> l.contains("match-proposed")));
			assertThat(stream.lines()).contains("event:notification");
			String data = stream.data().stream().filter(l -> l.contains("match-proposed")).findFirst().orElseThrow();
			assertThat(data).contains("\"recipientId\":\"" + mentee.id + "\"").contains("\"title\":");
			assertThat(stream.lines()).noneMatch(l -> l.contains("enrolment-confirmed")); // only what is new
		}
		assertThat(api.get("/api/v1/notifications/stream", TOKENS.admin(programme.organiser)).status())
			.isEqualTo(403);
	}

	@Test
	void preferencesAreTheParticipantsToChangeAndAreValidated() {
		Programme programme = programme();
		Person mentor = Fixtures.aMentor(programme.id, programme.organiser);
		Person mentee = Fixtures.aMentee(programme.id, programme.organiser);
		String token = enrolWithTheMenteeSignedIn(mentor, mentee);
		String path = "/api/v1/participants/" + mentee.id + "/notification-preferences";
		ServiceApi api = api();

		Reply defaults = api.get(path, token);
		assertThat(defaults.status()).isEqualTo(200);
		assertThat(defaults.header("ETag")).isEqualTo("\"0\"");
		assertThat(defaults.json().path("effectiveLocale").asString()).isEqualTo("en");
		assertThat(defaults.json().path("kinds").path("match-proposed").path("email").asBoolean()).isTrue();
		assertThat(defaults.json().path("kinds").has("webhook-disabled")).isFalse();

		Map<String, Object> choice = Map.of("locale", "sr-Latn", "kinds",
				Map.of("match-proposed", Map.of("email", false, "inApp", false)), "quietHours",
				Map.of("from", "22:00", "to", "07:00"), "digest", "NONE");
		Reply saved = api.put(path, token, choice, "\"0\"");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.header("ETag")).isEqualTo("\"1\"");
		assertThat(saved.json().path("effectiveLocale").asString()).isEqualTo("sr-Latn");
		assertThat(saved.json().path("quietHours").path("from").asString()).isEqualTo("22:00");
		assertThat(api.put(path, token, choice, "\"0\"").status()).isEqualTo(412);

		assertField(api.put(path, token, Map.of("kinds", Map.of("no-such-kind", Map.of("email", true, "inApp", true)))),
				422, "kinds.no-such-kind");
		assertField(api.put(path, token, Map.of("locale", "de")), 422, "locale");
		assertField(api.put(path, token, Map.of("quietHours", Map.of("from", "25:00", "to", "07:00"))), 400,
				"quietHours.from");
		assertField(api.put(path, token, Map.of("colour", "blue")), 400, "colour");
		assertThat(api.get(path, TOKENS.coordinator(programme.organiser)).status()).isEqualTo(200);
		assertThat(api.put(path, TOKENS.coordinator(programme.organiser), choice).status()).isEqualTo(403);
		assertThat(api.get(path, TOKENS.coordinator(programme.partner)).status()).isEqualTo(404);
		assertThat(api.put(path, TOKENS.coordinator(programme.partner), choice).status()).isEqualTo(404);
		assertThat(api.get(path, TOKENS.coordinator(Fixtures.unique("org"))).status()).isEqualTo(404);
		assertThat(api.get(path, TOKENS.participant(mentor.id, programme.organiser, "mentor")).status()).isEqualTo(404);
		assertThat(api.put(path, TOKENS.admin("org-any"), choice).status()).isEqualTo(200);

		// a kind turned off for the inbox does not show there; the others still do, in the chosen language
		MatchProposed proposal = proposal(mentor, mentee);
		Events.publish(proposal);
		Events.publish(new MatchExpired(proposal.matchId(), proposal.programmeId(), proposal.organisationId(),
				mentor.id, mentee.id, Instant.now()));
		JsonNode inbox = awaitInbox("/api/v1/notifications", token, 2);
		assertThat(inbox.path("items").get(0).path("kind").asString()).isEqualTo("match-expired");
		assertThat(inbox.path("items").get(0).path("title").asString()).isEqualTo("Predlog mentorskog para je istekao");
		assertThat(inbox.path("items").findValuesAsString("kind")).doesNotContain("match-proposed");
	}

	/** Enrols both and returns the mentee's token once her enrolment confirmation is in her inbox. */
	private String enrolWithTheMenteeSignedIn(Person mentor, Person mentee) {
		Events.publish(mentor.enrolled());
		Events.publish(mentee.enrolled());
		String token = TOKENS.participant(mentee.id, mentee.organisationId, "mentee");
		awaitInbox("/api/v1/notifications", token, 1);
		return token;
	}

	private JsonNode awaitInbox(String path, String token, int atLeast) {
		ServiceApi api = api();
		eventually().until(() -> {
			Reply response = api.get(path, token);
			return response.status() == 200 && response.json().path("total").asLong() >= atLeast;
		});
		return api.get(path, token).json();
	}

	private static void assertField(Reply response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
	}

	static MatchProposed proposal(Person mentor, Person mentee) {
		return new MatchProposed(Fixtures.unique("match"), mentor.programmeId, mentor.organisationId, "run-1", "RUN",
				mentor.id, mentee.id, 87.4, List.of(new Contribution("goals", 38.5, "Goals match skills"),
						new Contribution("language", 20, "Both work in Serbian")),
				Instant.now().plus(Duration.ofDays(7)), Instant.now());
	}

	/** A programme of a fresh organiser with one partner, known to the service. */
	private Programme programme() {
		Programme programme = new Programme(Fixtures.unique("programme"), Fixtures.unique("org"), Fixtures.unique("org"));
		Events.publish(Fixtures.programme(programme.id, programme.organiser, List.of(programme.partner), null));
		return programme;
	}

	private record Programme(String id, String organiser, String partner) {
	}

}
