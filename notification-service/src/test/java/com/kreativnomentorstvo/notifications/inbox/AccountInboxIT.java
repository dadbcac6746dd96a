package com.kreativnomentorstvo.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.matching.Contribution;
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

/**
 * One account, two enrolments: a mentor in one programme and a mentee in another, each with her
 * own language, seen through one token.
 */
class AccountInboxIT extends ServiceUnderTest {

	private static final TestTokens TOKENS = TestTokens.shared();

	@Test
	void oneAccountSeesTheInboxesOfAllHerEnrolmentsInOneListAndAnotherAccountSeesNothing() {
		Account account = twoEnrolments();
		ServiceApi api = api();

		JsonNode inbox = awaitInbox(api, account.token, 2);

		assertThat(inbox.path("total").asLong()).isEqualTo(2);
		assertThat(inbox.path("items").findValuesAsString("recipientId")).containsExactlyInAnyOrder(account.mentor.id,
				account.mentee.id);
		assertThat(inbox.path("items").findValuesAsString("kind")).containsOnly("enrolment-confirmed");
		// each enrolment is written to in its own language
		assertThat(item(inbox, account.mentor.id).path("locale").asString()).isEqualTo("hr");
		assertThat(item(inbox, account.mentor.id).path("title").asString())
			.isEqualTo("Vaša prijava u program Reg. Lab je potvrđena");
		assertThat(item(inbox, account.mentee.id).path("locale").asString()).isEqualTo("en");

		// marking read works on either enrolment's items; read-all covers both
		String mentorItem = item(inbox, account.mentor.id).path("id").asString();
		assertThat(api.post("/api/v1/notifications/" + mentorItem + "/read", account.token, "").status())
			.isEqualTo(200);
		assertThat(api.get("/api/v1/notifications?unread=true", account.token).json().path("total").asLong())
			.isEqualTo(1);
		assertThat(api.post("/api/v1/notifications/read-all", account.token, "").json().path("marked").asLong())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/notifications?unread=true", account.token).json().path("total").asLong()).isZero();

		// another account: her own (empty) inbox, and none of this account's things
		Person stranger = Fixtures.aMentee(account.mentor.programmeId, account.mentor.organisationId);
		Events.publish(stranger.enrolled());
		String strangerToken = TOKENS.participant(stranger.id, stranger.organisationId, "mentee");
		JsonNode strangers = awaitInbox(api, strangerToken, 1);
		assertThat(strangers.path("items").findValuesAsString("recipientId")).containsOnly(stranger.id);
		assertThat(api.get("/api/v1/notifications?recipientId=" + account.mentor.id, strangerToken).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/notifications/" + mentorItem, strangerToken).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/notifications/" + mentorItem + "/read", strangerToken, "").status())
			.isEqualTo(404);
		assertThat(api.get(preferences(account.mentee), strangerToken).status()).isEqualTo(404);
		assertThat(api.put(preferences(account.mentee), strangerToken, Map.of("locale", "mk")).status())
			.isEqualTo(404);
	}

	@Test
	void oneAccountReadsAndChangesThePreferencesOfEachEnrolment() {
		Account account = twoEnrolments();
		ServiceApi api = api();
		awaitInbox(api, account.token, 2);

		for (Person enrolment : List.of(account.mentor, account.mentee)) {
			Reply read = api.get(preferences(enrolment), account.token);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().path("participantId").asString()).isEqualTo(enrolment.id);
		}
		Reply mentor = api.put(preferences(account.mentor), account.token,
				Map.of("kinds", Map.of("match-proposed", Map.of("email", false, "inApp", true))), "\"0\"");
		Reply mentee = api.put(preferences(account.mentee), account.token, Map.of("locale", "sl"));

		assertThat(mentor.status()).isEqualTo(200);
		assertThat(mentor.json().path("kinds").path("match-proposed").path("email").asBoolean()).isFalse();
		assertThat(mentee.status()).isEqualTo(200);
		assertThat(mentee.json().path("effectiveLocale").asString()).isEqualTo("sl");
		// the choices stay with their enrolment
		assertThat(api.get(preferences(account.mentee), account.token).json().path("kinds").path("match-proposed")
			.path("email").asBoolean()).isTrue();
		assertThat(api.get(preferences(account.mentor), account.token).json().path("effectiveLocale").asString())
			.isEqualTo("hr");
	}

	@Test
	void oneStreamCarriesTheNewNotificationsOfAllHerEnrolmentsAndResumesAfterTheLastEvent() {
		Account account = twoEnrolments();
		ServiceApi api = api();
		awaitInbox(api, account.token, 2);
		Person otherMentee = Fixtures.aMentee(account.mentor.programmeId, account.mentor.organisationId);
		Person otherMentor = Fixtures.aMentor(account.mentee.programmeId, account.mentee.organisationId);
		Events.publish(otherMentee.enrolled());
		Events.publish(otherMentor.enrolled());

		List<String> sent;
		try (EventStream stream = EventStream.open(api, account.token, null)) {
			assertThat(stream.status()).isEqualTo(200);
			eventually().until(stream::connected);

			Events.publish(proposal(account.mentor, otherMentee));
			eventually().until(() -> stream.data().size() >= 1);
			Events.publish(proposal(otherMentor, account.mentee));

			eventually().until(() -> stream.data().size() >= 2);
			assertThat(String.join("\n", stream.data())).contains("\"recipientId\":\"" + account.mentor.id + "\"")
				.contains("\"recipientId\":\"" + account.mentee.id + "\"")
				.doesNotContain("enrolment-confirmed")
				.doesNotContain("\"recipientId\":\"" + otherMentee.id + "\"")
				.doesNotContain("\"recipientId\":\"" + otherMentor.id + "\"");
			sent = stream.ids();
		}

		// a reconnect with Last-Event-ID gets what followed that event, of either enrolment, and nothing before
		try (EventStream resumed = EventStream.open(api, account.token, sent.get(0))) {
			eventually().until(resumed::connected);
			MatchProposed later = proposal(account.mentor,
					Fixtures.aMentee(account.mentor.programmeId, account.mentor.organisationId));
			Events.publish(later);

			eventually().until(() -> String.join("\n", resumed.data()).contains("/matches/" + later.matchId()));
			assertThat(resumed.ids()).contains(sent.get(1)).doesNotContain(sent.get(0)).doesNotHaveDuplicates();
			assertThat(String.join("\n", resumed.data())).doesNotContain("enrolment-confirmed");
		}
		// another account's stream carries none of hers
		Person stranger = Fixtures.aMentee(account.mentor.programmeId, account.mentor.organisationId);
		try (EventStream strangers = EventStream.open(api, TOKENS.participant(stranger.id, stranger.organisationId,
				"mentee"), null)) {
			assertThat(strangers.status()).isEqualTo(403); // no enrolment yet: no inbox
		}
	}

	private static JsonNode item(JsonNode inbox, String recipientId) {
		for (JsonNode item : inbox.path("items")) {
			if (recipientId.equals(item.path("recipientId").asString())) {
				return item;
			}
		}
		throw new AssertionError("no item of " + recipientId);
	}

	private JsonNode awaitInbox(ServiceApi api, String token, int atLeast) {
		eventually().until(() -> {
			Reply response = api.get("/api/v1/notifications", token);
			return response.status() == 200 && response.json().path("total").asLong() >= atLeast;
		});
		return api.get("/api/v1/notifications", token).json();
	}

	private static String preferences(Person person) {
		return "/api/v1/participants/" + person.id + "/notification-preferences";
	}

	private static MatchProposed proposal(Person mentor, Person mentee) {
		return new MatchProposed(Fixtures.unique("match"), mentor.programmeId, mentor.organisationId, null, "MANUAL",
				mentor.id, mentee.id, 80, List.of(new Contribution("goals", 50, "Goals match")),
				Instant.now().plus(Duration.ofDays(7)), Instant.now());
	}

	/**
	 * An account that is a mentor (Croatian) in one organisation's programme and a mentee (English)
	 * in another's.
	 */
	private Account twoEnrolments() {
		String accountId = Fixtures.unique("account");
		String organisationA = Fixtures.unique("org");
		String organisationB = Fixtures.unique("org");
		String programmeA = Fixtures.unique("programme");
		String programmeB = Fixtures.unique("programme");
		Events.publish(Fixtures.programme(programmeA, organisationA, List.of(), null));
		Events.publish(Fixtures.programme(programmeB, organisationB, List.of(), null));
		Person mentor = Fixtures.aMentor(programmeA, organisationA).ofAccount(accountId).speaking("hr");
		Person mentee = Fixtures.aMentee(programmeB, organisationB).ofAccount(accountId).speaking("en");
		for (Person enrolment : List.of(mentor, mentee)) {
			Events.publish(enrolment.enrolled());
			Events.publish(enrolment.contact());
		}
		String token = TOKENS.token().subject(accountId).organisation(organisationA).roles("mentor", "mentee").sign();
		return new Account(accountId, token, mentor, mentee);
	}

	private record Account(String id, String token, Person mentor, Person mentee) {
	}

}
