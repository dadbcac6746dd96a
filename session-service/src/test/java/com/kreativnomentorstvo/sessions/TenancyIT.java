package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * Tenancy inside a shared programme with an organiser and two partners, A and B. Pair AB: a mentor
 * of B with a mentee of A; pair OB: a mentor of the organiser with a mentee of B. The organiser's
 * coordinators run the programme (trainings, the whole progress report) and see every pair and
 * session, but where a pair meets and what it wrote only where they steward a member; each
 * partner sees the pairs of its own participants, with where they meet, its participants'
 * feedback comments and their pairs' review texts; the other pairs do not exist for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT extends IntegrationTest {

	static final String VENUE = "Secret studio, Ilica 12";

	static final String ROOM = "https://meet.example.org/secret-room-ab";

	static final String AGENDA = "Agenda only the pair reads";

	static final String COMMENT_A = "Comment of A's mentee";

	static final String COMMENT_B = "Comment of B's mentor";

	static final String REVIEW_TEXT = "Review text of the pair";

	static final String GOAL_TEXT = "Goal description of the pair";

	static final String CHECK_IN_NOTE = "Check-in note of the pair";

	TestProgramme programme;

	TestProgramme.Pair ab;

	TestProgramme.Pair ob;

	String abSession;

	String abHeldSession;

	String obSession;

	String runner;

	String coordinatorA;

	String coordinatorB;

	@BeforeAll
	void twoPairsAcrossThreeOrganisations() {
		programme = TestProgramme.announced();
		String mentorOfB = programme.enrolOf(programme.otherPartner, Role.MENTOR, "Europe/Skopje", "Elena B");
		String menteeOfA = programme.enrolOf(programme.partner, Role.MENTEE, "Europe/Zagreb", "Ivan A");
		String mentorOfOrganiser = programme.enrolOf(programme.organiser, Role.MENTOR, "Europe/Belgrade", "Ana O");
		String menteeOfB = programme.enrolOf(programme.otherPartner, Role.MENTEE, "Europe/Skopje", "Sara B");
		ab = programme.start(mentorOfB, menteeOfA, Instant.now().minus(Duration.ofDays(20)));
		ob = programme.start(mentorOfOrganiser, menteeOfB, Instant.now().minus(Duration.ofDays(20)));
		awaitMentorship(ab.mentorshipId(), json -> true);
		awaitMentorship(ob.mentorshipId(), json -> true);
		awaitEnrolled(mentorOfB, menteeOfA, mentorOfOrganiser, menteeOfB);
		runner = programme.coordinatorToken();
		coordinatorA = programme.partnerCoordinatorToken();
		coordinatorB = programme.otherPartnerCoordinatorToken();

		Reply booked = api().post(sessions(ab), ab.menteeToken(), Map.of("start",
				inDays(5, 18, 0).toString(), "timeZone", "Europe/Zagreb", "durationMinutes", 60, "meetingUrl", ROOM,
				"agenda", AGENDA));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		abSession = booked.json().get("id").asString();
		Reply inPerson = api().post(sessions(ab), ab.menteeToken(), Map.of("start",
				inDays(-3, 18, 0).toString(), "timeZone", "Europe/Zagreb", "durationMinutes", 60, "mode", "IN_PERSON",
				"venue", VENUE));
		assertThat(inPerson.status()).as(inPerson.body()).isEqualTo(201);
		abHeldSession = inPerson.json().get("id").asString();
		assertThat(api().post("/api/v1/sessions/" + abHeldSession + "/held", ab.mentorToken(), "{}").status())
			.isEqualTo(200);
		assertThat(api().post("/api/v1/sessions/" + abHeldSession + "/feedback", ab.menteeToken(),
				Map.of("rating", 5, "comment", COMMENT_A)).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/sessions/" + abHeldSession + "/feedback", ab.mentorToken(),
				Map.of("rating", 3, "comment", COMMENT_B)).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/mentorships/" + ab.mentorshipId() + "/reviews", ab.menteeToken(),
				Map.of("kind", "MIDTERM", "progress", REVIEW_TEXT, "challenges", "Time", "nextSteps", "More"))
			.status()).isEqualTo(201);
		Reply goal = api().post("/api/v1/mentorships/" + ab.mentorshipId() + "/goals", ab.menteeToken(),
				Map.of("title", "An exhibition plan", "description", GOAL_TEXT));
		assertThat(goal.status()).isEqualTo(201);
		assertThat(api().post("/api/v1/mentorships/" + ab.mentorshipId() + "/goals/" + goal.json().get("id").asString()
				+ "/check-ins", ab.menteeToken(), Map.of("progress", 30, "note", CHECK_IN_NOTE)).status())
			.isEqualTo(201);
		Reply other = api().post(sessions(ob), ob.menteeToken(), Map.of("start",
				inDays(6, 18, 0).toString(), "timeZone", "Europe/Skopje", "durationMinutes", 60, "mode", "IN_PERSON",
				"venue", "Venue of pair OB"));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		obSession = other.json().get("id").asString();
	}

	@Test
	void aPartnerSeesThePairsOfItsOwnParticipantsOnly() {
		assertThat(api().get("/api/v1/mentorships/" + ab.mentorshipId(), coordinatorA).status()).isEqualTo(200);
		assertProblem(api().get("/api/v1/mentorships/" + ob.mentorshipId(), coordinatorA), 404);
		assertProblem(api().get(sessions(ob), coordinatorA), 404);
		assertProblem(api().get("/api/v1/sessions/" + obSession, coordinatorA), 404);
		assertProblem(api().get("/api/v1/sessions/" + obSession + "/calendar.ics", coordinatorA), 404);
		assertProblem(api().get("/api/v1/sessions/" + obSession + "/feedback", coordinatorA), 404);
		assertProblem(api().get("/api/v1/mentorships/" + ob.mentorshipId() + "/reviews", coordinatorA), 404);
		assertProblem(api().get("/api/v1/mentorships/" + ob.mentorshipId() + "/goals", coordinatorA), 404);
		assertProblem(api().post("/api/v1/sessions/" + obSession + "/cancel", coordinatorA,
				Map.of("reason", "OTHER")), 404);
		assertProblem(api().post(sessions(ob), coordinatorA, Map.of("start", inDays(9, 18, 0).toString(),
				"timeZone", "Europe/Belgrade", "durationMinutes", 60)), 404);
		assertThat(api().get("/api/v1/sessions/" + obSession, runner).json().get("status").asString())
			.as("nothing a partner tried changed the session").isEqualTo("SCHEDULED");

		assertThat(mentorshipIds(coordinatorA)).containsExactly(ab.mentorshipId());
		assertThat(mentorshipIds(coordinatorB)).containsExactlyInAnyOrder(ab.mentorshipId(), ob.mentorshipId());
		assertThat(mentorshipIds(runner)).containsExactlyInAnyOrder(ab.mentorshipId(), ob.mentorshipId());
	}

	@Test
	void whereAPairMeetsIsForThePairAndTheirStewardsNotForTheRunners() throws Exception {
		JsonNode byRunner = api().get("/api/v1/sessions/" + abSession, runner).json();
		assertThat(byRunner.get("start").asString()).isNotBlank();
		assertThat(byRunner.has("meetingUrl")).isFalse();
		assertThat(byRunner.has("agenda")).isFalse();
		assertThat(api().get("/api/v1/sessions/" + abHeldSession, runner).json().has("venue")).isFalse();
		String runnersIcs = api().get("/api/v1/sessions/" + abHeldSession + "/calendar.ics", runner).body();
		assertThat(runnersIcs).contains("BEGIN:VEVENT").doesNotContain("Secret studio").doesNotContain("\r\nLOCATION:");
		assertThat(api().get("/api/v1/mentorships/" + ab.mentorshipId() + "/sessions", runner).body())
			.doesNotContain(ROOM).doesNotContain("Secret studio").doesNotContain(AGENDA);

		for (String steward : List.of(coordinatorA, coordinatorB)) {
			JsonNode seen = api().get("/api/v1/sessions/" + abSession, steward).json();
			assertThat(seen.get("meetingUrl").asString()).isEqualTo(ROOM);
			assertThat(seen.has("agenda")).as("the agenda is the pair's own").isFalse();
			assertThat(api().get("/api/v1/sessions/" + abHeldSession, steward).json().get("venue").asString())
				.isEqualTo(VENUE);
			assertThat(api().get("/api/v1/sessions/" + abHeldSession + "/calendar.ics", steward).body())
				.contains("LOCATION:Secret studio\\, Ilica 12");
		}
		Reply feed = api().get("/api/v1/participants/" + ab.menteeId() + "/calendar.ics", coordinatorA);
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.body()).contains(ROOM).doesNotContain(AGENDA);
		assertProblem(api().get("/api/v1/participants/" + ab.menteeId() + "/calendar.ics", coordinatorB), 404);
		assertProblem(api().get("/api/v1/participants/" + ab.menteeId() + "/calendar.ics", runner), 404);
		assertProblem(api().post("/api/v1/participants/" + ab.menteeId() + "/calendar-feed", coordinatorB, null), 404);
	}

	@Test
	void feedbackCommentsReviewTextsAndGoalNotesStayWithThePairAndTheirStewards() {
		String feedback = "/api/v1/sessions/" + abHeldSession + "/feedback";
		JsonNode byA = api().get(feedback, coordinatorA).json();
		assertThat(byA).hasSize(2);
		assertThat(comments(byA)).containsExactly(COMMENT_A);
		assertThat(comments(api().get(feedback, coordinatorB).json())).containsExactly(COMMENT_B);
		JsonNode byRunner = api().get(feedback, runner).json();
		assertThat(byRunner.findValues("rating")).hasSize(2);
		assertThat(byRunner.toString()).doesNotContain(COMMENT_A).doesNotContain(COMMENT_B);

		String reviews = "/api/v1/mentorships/" + ab.mentorshipId() + "/reviews";
		assertThat(api().get(reviews, coordinatorA).body()).contains(REVIEW_TEXT);
		Reply reviewsForRunner = api().get(reviews, runner);
		assertThat(reviewsForRunner.json()).hasSize(1);
		assertThat(reviewsForRunner.json().get(0).get("kind").asString()).isEqualTo("MIDTERM");
		assertThat(reviewsForRunner.body()).doesNotContain(REVIEW_TEXT);

		String mentorship = "/api/v1/mentorships/" + ab.mentorshipId();
		assertThat(api().get(mentorship + "/goals", coordinatorA).body()).contains(GOAL_TEXT).contains(CHECK_IN_NOTE);
		for (String path : List.of(mentorship, mentorship + "/goals")) {
			Reply seen = api().get(path, runner);
			assertThat(seen.status()).isEqualTo(200);
			assertThat(seen.body()).contains("An exhibition plan").doesNotContain(GOAL_TEXT).doesNotContain(CHECK_IN_NOTE);
		}
	}

	@Test
	void onlyTheOrganisersCoordinatorsPlanTrainingsAndPartnersSeeTheirOwnPeoplesAttendance() {
		String events = "/api/v1/programmes/" + programme.id + "/events";
		String training = ServiceApi.json(Map.of("kind", "TRAINING", "title", "Digital tools clinic", "start",
				inDays(12, 10, 0).toString(), "durationMinutes", 120, "timeZone", "Europe/Belgrade"));
		assertProblem(api().post(events, coordinatorA, training), 403);
		Reply created = api().post(events, runner, training);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String event = events + "/" + created.json().get("id").asString();
		assertProblem(api().patch(event, coordinatorA, Map.of("title", "Taken over")), 403);
		assertProblem(api().post(event + "/cancel", coordinatorB, Map.of("reason", "OTHER")), 403);
		assertThat(api().put(event + "/rsvp", ab.menteeToken(), Map.of("response", "YES")).status())
			.isEqualTo(200);
		assertThat(api().put(event + "/rsvp", ob.menteeToken(), Map.of("response", "NO")).status())
			.isEqualTo(200);
		assertThat(rsvps(api().get(event, coordinatorA).json())).containsExactly(ab.menteeId());
		assertThat(rsvps(api().get(event, coordinatorB).json())).containsExactly(ob.menteeId());
		assertThat(rsvps(api().get(event, runner).json())).containsExactlyInAnyOrder(ab.menteeId(), ob.menteeId());

		// attendance is recorded once an event has begun: the kick-off two days ago
		Reply kickOff = api().post(events, runner, Map.of("kind", "KICK_OFF", "title", "Kick-off",
				"start", inDays(-2, 10, 0).toString(), "durationMinutes", 120, "timeZone", "Europe/Belgrade"));
		assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(201);
		String past = events + "/" + kickOff.json().get("id").asString();
		String attendance = ServiceApi.json(Map.of("records", List.of(Map.of("participantId", ab.menteeId(), "status",
				"PRESENT"), Map.of("participantId", ob.menteeId(), "status", "ABSENT"))));
		assertProblem(api().put(past + "/attendance", coordinatorA, attendance), 403);
		Reply recorded = api().put(past + "/attendance", runner, attendance);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		assertThat(attendees(api().get(past, coordinatorA).json())).containsExactly(ab.menteeId());
		assertThat(attendees(api().get(past, coordinatorB).json())).containsExactly(ob.menteeId());
		assertThat(attendees(api().get(past, runner).json())).containsExactlyInAnyOrder(ab.menteeId(), ob.menteeId());
	}

	@Test
	void theProgressReportIsWholeForTheRunnersAndAPartnersShareForAPartner() {
		String progress = "/api/v1/programmes/" + programme.id + "/progress";
		assertThat(pairsIn(api().get(progress, runner))).containsExactlyInAnyOrder(ab.mentorshipId(),
				ob.mentorshipId());
		assertThat(pairsIn(api().get(progress, coordinatorA))).containsExactly(ab.mentorshipId());
		JsonNode partners = api().get(progress, coordinatorA).json();
		assertThat(partners.at("/totals/pairs").asInt()).isEqualTo(1);
		assertThat(pairsIn(api().get(progress, coordinatorB))).containsExactlyInAnyOrder(ab.mentorshipId(),
				ob.mentorshipId());
		assertThat(api().get(progress + ".csv", coordinatorA).body()).contains(ab.mentorshipId())
			.doesNotContain(ob.mentorshipId());
	}

	@Test
	void herSessionDataIsExportedToHerAndHerStewardOnly() {
		String path = "/api/v1/participants/" + ab.menteeId() + "/personal-data/sessions";

		Reply hers = api().get(path, ab.menteeToken());

		assertThat(hers.status()).as(hers.body()).isEqualTo(200);
		JsonNode export = hers.json();
		assertThat(export.get("service").asString()).isEqualTo("sessions");
		assertThat(export.get("participantId").asString()).isEqualTo(ab.menteeId());
		assertThat(export.get("exportedAt").asString()).isNotBlank();
		JsonNode data = export.get("data");
		assertThat(data.at("/enrolment/organisationId").asString()).isEqualTo(programme.partner);
		assertThat(data.at("/enrolment/country").asString()).isEqualTo("RS");
		assertThat(data.get("mentorships").valueStream().map(m -> m.get("mentorshipId").asString()))
			.containsExactly(ab.mentorshipId());
		assertThat(data.get("sessions").valueStream().map(m -> m.get("sessionId").asString()))
			.contains(abSession, abHeldSession);
		assertThat(hers.body()).contains(AGENDA).contains(VENUE).contains(COMMENT_A).contains(REVIEW_TEXT)
			.contains(CHECK_IN_NOTE).doesNotContain(COMMENT_B);
		assertThat(data.at("/calendarFeed/active").asBoolean()).isFalse();
		assertThat(api().get(path, coordinatorA).status()).isEqualTo(200);
		assertThat(api().get(path, tokens().admin("org-platform")).status()).isEqualTo(200);
		assertProblem(api().get(path, coordinatorB), 404);
		assertProblem(api().get(path, runner), 404);
		assertProblem(api().get(path, ab.mentorToken()), 404);
		assertProblem(api().get("/api/v1/participants/par-nobody/personal-data/sessions",
				tokens().admin("org-platform")), 404);
	}

	@Test
	void anErasedParticipantHasNoSessionDataToExport() {
		String menteeOfA = programme.enrolOf(programme.partner, Role.MENTEE, "Europe/Zagreb", "Nina A");
		awaitEnrolled(menteeOfA);
		String path = "/api/v1/participants/" + menteeOfA + "/personal-data/sessions";
		assertThat(api().get(path, coordinatorA).status()).isEqualTo(200);

		Upstream.publish(new ParticipantErased(menteeOfA, programme.id, programme.partner, Instant.now()));

		Awaitility.await("erasure applied")
			.atMost(PATIENCE)
			.until(() -> api().get(path, tokens().admin("org-platform")).status() == 404);
		assertProblem(api().get(path, coordinatorA), 404);
		assertProblem(api().get(path, TestTokens.shared().participant(menteeOfA, programme.partner, "mentee")), 404);
	}

	private static String sessions(TestProgramme.Pair pair) {
		return "/api/v1/mentorships/" + pair.mentorshipId() + "/sessions";
	}

	private List<String> mentorshipIds(String token) {
		Reply list = api().get("/api/v1/mentorships?programmeId=" + programme.id, token);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
	}

	private static List<String> rsvps(JsonNode event) {
		return event.get("rsvps").valueStream().map(r -> r.get("participantId").asString()).toList();
	}

	private static List<String> attendees(JsonNode event) {
		return event.get("attendance").valueStream().map(a -> a.get("participantId").asString()).toList();
	}

	private static List<String> comments(JsonNode feedback) {
		return feedback.valueStream().filter(f -> f.has("comment")).map(f -> f.get("comment").asString()).toList();
	}

	private static List<String> pairsIn(Reply report) {
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		return report.json().get("pairs").valueStream().map(row -> row.get("mentorshipId").asString()).toList();
	}

}
