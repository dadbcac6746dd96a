package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * Every endpoint answers another organisation's coordinator, and a participant of another pair,
 * with nothing: 404 for the objects she may not see (so ids reveal nothing), an empty list for
 * lists; without a token, 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT extends IntegrationTest {

	private TestProgramme programme;

	private TestProgramme.Pair pair;

	private String session;

	private String goal;

	private String event;

	private String foreignCoordinator;

	private String otherPairsMentee;

	@BeforeAll
	void aProgrammeWithAPairASessionAGoalAndATraining() {
		programme = TestProgramme.announced();
		pair = startedPair(programme, 10);
		otherPairsMentee = startedPair(programme, 10).menteeToken();
		foreignCoordinator = tokens().coordinator("org-" + programme.id + "-elsewhere");
		session = booked(pair, inDays(-1, 15, 0), 60);
		api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(), "{}");
		goal = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals", pair.menteeToken(),
				Map.of("title", "Grant")).json().get("id").asString();
		event = api().post("/api/v1/programmes/" + programme.id + "/events", programme.coordinatorToken(),
				Map.of("kind", "KICK_OFF", "title", "Kick-off", "start", inDays(-2, 10, 0).toString(),
						"durationMinutes", 120, "timeZone", "Europe/Belgrade"))
			.json()
			.get("id")
			.asString();
	}

	Stream<Arguments> endpoints() {
		String m = "/api/v1/mentorships/{m}";
		String s = "/api/v1/sessions/{s}";
		String p = "/api/v1/programmes/{p}";
		return Stream.of(Arguments.of("GET", m, null), Arguments.of("GET", m + "/goals", null),
				Arguments.of("POST", m + "/goals", "{\"title\":\"t\"}"),
				Arguments.of("PATCH", m + "/goals/{g}", "{\"status\":\"ACHIEVED\"}"),
				Arguments.of("POST", m + "/goals/{g}/check-ins", "{\"progress\":50}"),
				Arguments.of("GET", m + "/sessions", null),
				Arguments.of("POST", m + "/sessions",
						"{\"start\":\"" + inDays(40, 9, 0) + "\",\"durationMinutes\":30,\"timeZone\":\"Europe/Belgrade\"}"),
				Arguments.of("GET", m + "/messages", null),
				Arguments.of("POST", m + "/messages", "{\"text\":\"hello\"}"),
				Arguments.of("GET", m + "/reviews", null),
				Arguments.of("POST", m + "/reviews",
						"{\"kind\":\"MIDTERM\",\"progress\":\"p\",\"challenges\":\"c\",\"nextSteps\":\"n\"}"),
				Arguments.of("GET", s, null), Arguments.of("PATCH", s, "{\"agenda\":\"a\"}"),
				Arguments.of("POST", s + "/cancel", "{\"reason\":\"OTHER\"}"), Arguments.of("POST", s + "/held", "{}"),
				Arguments.of("PUT", s + "/notes", "{\"sharedNotes\":\"n\"}"), Arguments.of("GET", s + "/feedback", null),
				Arguments.of("POST", s + "/feedback", "{\"rating\":3}"), Arguments.of("GET", s + "/calendar.ics", null),
				Arguments.of("GET", p + "/progress", null), Arguments.of("GET", p + "/progress.csv", null),
				Arguments.of("GET", p + "/events", null), Arguments.of("GET", p + "/events/{e}", null),
				Arguments.of("POST", p + "/events", "{\"kind\":\"TRAINING\",\"title\":\"t\",\"start\":\""
						+ inDays(40, 9, 0) + "\",\"durationMinutes\":30,\"timeZone\":\"Europe/Belgrade\"}"),
				Arguments.of("PATCH", p + "/events/{e}", "{\"title\":\"t\"}"),
				Arguments.of("POST", p + "/events/{e}/cancel", "{\"reason\":\"OTHER\"}"),
				Arguments.of("PUT", p + "/events/{e}/rsvp", "{\"response\":\"YES\"}"),
				Arguments.of("PUT", p + "/events/{e}/attendance",
						"{\"records\":[{\"participantId\":\"x\",\"status\":\"PRESENT\"}]}"),
				Arguments.of("GET", p + "/events/{e}/calendar.ics", null),
				Arguments.of("GET", "/api/v1/participants/{mentee}/calendar.ics", null),
				Arguments.of("POST", "/api/v1/participants/{mentee}/calendar-feed", null),
				Arguments.of("GET", "/api/v1/participants/{mentee}/calendar-feed", null),
				Arguments.of("DELETE", "/api/v1/participants/{mentee}/calendar-feed", null),
				Arguments.of("GET", "/api/v1/participants/{mentee}/personal-data/sessions", null));
	}

	/**
	 * A partner in the same programme whose organisation stewards neither member of the pair (both
	 * are the organiser's): the pair and everything in it are not there for her; the programme's
	 * trainings she may read but not plan, and its progress report shows her none of the pair.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void aPartnerWhoStewardsNeitherMemberFindsNothingOfThePair(String method, String template, String body) {
		Reply response = api().send(method, path(template), programme.partnerCoordinatorToken(), body);
		if (!template.startsWith("/api/v1/programmes/")) {
			assertProblem(response, 404);
		}
		else if (method.equals("GET")) {
			assertThat(response.status()).as(method + " " + template + ": " + response.body()).isEqualTo(200);
			assertThat(response.body()).doesNotContain(pair.mentorshipId()).doesNotContain(pair.menteeId());
		}
		else {
			assertProblem(response, 403);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void anotherOrganisationsCoordinatorGetsNotFound(String method, String template, String body) {
		assertProblem(api().send(method, path(template), foreignCoordinator, body), 404);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void aParticipantOfAnotherPairGetsNotFound(String method, String template, String body) {
		// programme events are hers too (to read and answer), and the progress report is refused like any other object
		if (template.contains("/events") && !template.contains("attendance") && !method.equals("POST")
				&& !method.equals("PATCH")) {
			return;
		}
		Reply response = api().send(method, path(template), otherPairsMentee, body);
		assertThat(response.status()).as(method + " " + template + ": " + response.body()).isIn(403, 404);
		if (!template.contains("/events")) {
			assertProblem(response, 404);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void withoutATokenEverythingIsUnauthorised(String method, String template, String body) {
		assertProblem(api().send(method, path(template), null, body), 401);
	}

	@Test
	void listsShowOutsidersNothing() {
		for (String token : List.of(foreignCoordinator, otherPairsMentee)) {
			Reply mentorships = api().get("/api/v1/mentorships?programmeId=" + programme.id, token);
			assertThat(mentorships.status()).isEqualTo(200);
			assertThat(mentorships.json().get("items").findValuesAsString("id")).doesNotContain(pair.mentorshipId());
		}
		assertThat(api().get("/api/v1/mentorships?programmeId=" + programme.id, programme.coordinatorToken())
			.json()
			.get("total")
			.asInt()).as("the organiser's coordinators see every pair").isEqualTo(2);
		assertThat(api().get("/api/v1/mentorships?programmeId=" + programme.id, programme.partnerCoordinatorToken())
			.json()
			.get("total")
			.asInt()).as("a partner sees the pairs of its own participants: none here").isZero();
	}

	@Test
	void theApiDocumentIsOpenAndDescribesTheEndpoints() {
		Reply document = api().get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/mentorships/{mentorshipId}/sessions",
				"/api/v1/sessions/{id}/calendar.ics", "/api/v1/participants/{participantId}/calendar.ics",
				"/api/v1/programmes/{programmeId}/progress");
	}

	private String path(String template) {
		return template.replace("{m}", pair.mentorshipId())
			.replace("{s}", session)
			.replace("{p}", programme.id)
			.replace("{g}", goal)
			.replace("{e}", event)
			.replace("{mentee}", pair.menteeId());
	}

}
