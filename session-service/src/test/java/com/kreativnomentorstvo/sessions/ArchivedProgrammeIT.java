package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.platform.programmes.ProgrammeStatuses;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.survey.SurveyRequesting;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Once its programme is ARCHIVED, everything of it here is read-only: every write answers 409 naming
 * {@code status} and stores nothing, and its surveys ask no one any more, while reads, a
 * participant's export and her erasure go on. A
 * CLOSED programme still takes what comes after its end: a survey's answers, a final review.
 */
class ArchivedProgrammeIT extends IntegrationTest {

	@Autowired
	ProgrammeStatuses statuses;

	@Autowired
	SurveyRequesting requesting;

	@Test
	void anArchivedProgrammeRefusesEveryWriteStoresNothingAndStillAnswersReadsExportAndErasure() {
		TestProgramme programme = known(TestProgramme.announced());
		TestProgramme.Pair pair = startedPair(programme, 20);
		String coordinator = programme.coordinatorToken();
		String mentor = pair.mentorToken();
		String mentee = pair.menteeToken();
		String surveys = "/api/v1/programmes/" + programme.id + "/surveys";
		String events = "/api/v1/programmes/" + programme.id + "/events";
		String resources = "/api/v1/programmes/" + programme.id + "/resources";
		String mentorship = "/api/v1/mentorships/" + pair.mentorshipId();

		// the programme's things, before it is archived
		String surveyId = created(api().post(surveys, coordinator, afterSession("After the session")));
		Map<String, Object> firstMonth = Map.of("title", Map.of("en", "Your first month"), "audience", "MENTEES",
				"trigger", "DAY_30", "questions", List.of(Map.of("kind", "RATING", "text", Map.of("en", "How is it going?"))));
		created(api().post(surveys, coordinator, firstMonth));
		String eventId = created(api().post(events, coordinator, training("Digital tools clinic")));
		String resourceId = created(api().post(resources, coordinator, link("Digital tools guide")));
		String goalId = created(api().post(mentorship + "/goals", mentee, Map.of("title", "A regional application")));
		created(api().post(mentorship + "/messages", mentee, Map.of("text", "See you on Monday")));
		String held = booked(pair, inDays(-2, 10, 0), 60);
		String past = booked(pair, inDays(-3, 10, 0), 60);
		String coming = booked(pair, inDays(5, 10, 0), 60);
		assertThat(api().post("/api/v1/sessions/" + held + "/held", mentor, "{}").status()).isEqualTo(200);
		String requestId = awaitSurveyRequest(pair.menteeId(), mentee);
		awaitSurveyRequest(pair.mentorId(), mentor);

		announce(programme, ProgrammeStatus.RUNNING, ProgrammeStatus.ARCHIVED);

		Map<String, String> reads = new LinkedHashMap<>();
		reads.put(surveys, coordinator);
		reads.put(surveys + "/" + surveyId, coordinator);
		reads.put(surveys + "/" + surveyId + "/results", coordinator);
		reads.put("/api/v1/participants/" + pair.menteeId() + "/surveys", mentee);
		reads.put(events, coordinator);
		reads.put(events + "/" + eventId, coordinator);
		reads.put(resources, coordinator);
		reads.put("/api/v1/resources/" + resourceId, mentee);
		reads.put(mentorship, mentee);
		reads.put(mentorship + "/goals", mentee);
		reads.put(mentorship + "/messages", mentor);
		reads.put(mentorship + "/reviews", mentee);
		reads.put(mentorship + "/sessions", mentor);
		for (String session : List.of(held, past, coming)) {
			reads.put("/api/v1/sessions/" + session, mentor);
		}
		reads.put("/api/v1/sessions/" + held + "/feedback", mentee);
		Map<String, String> before = bodies(reads);

		// the programme's surveys, events and resources
		refused(api().post(surveys, coordinator, afterSession("Another survey")));
		refused(api().put(surveys + "/" + surveyId, coordinator, afterSession("Revised")));
		refused(api().delete(surveys + "/" + surveyId, coordinator));
		refused(api().post("/api/v1/survey-requests/" + requestId + "/answers", mentee,
				Map.of("answers", List.of(Map.of("questionId", questionOf(programme, surveyId), "rating", 4)))));
		refused(api().post(events, coordinator, training("Another clinic")));
		refused(api().patch(events + "/" + eventId, coordinator, Map.of("title", "Renamed clinic")));
		refused(api().post(events + "/" + eventId + "/cancel", coordinator, Map.of("reason", "OTHER")));
		refused(api().put(events + "/" + eventId + "/rsvp", mentee, Map.of("response", "YES")));
		refused(api().put(events + "/" + eventId + "/attendance", coordinator,
				Map.of("records", List.of(Map.of("participantId", pair.menteeId(), "status", "PRESENT")))));
		refused(api().post(resources, coordinator, link("Another guide")));
		refused(api().patch("/api/v1/resources/" + resourceId, coordinator, Map.of("title", "Renamed guide")));
		refused(api().delete("/api/v1/resources/" + resourceId, coordinator));
		// the pair's sessions, notes, feedback, reviews, goals, check-ins and messages
		refused(book(pair, mentor, inDays(7, 10, 0), "Europe/Belgrade", 60));
		refused(api().patch("/api/v1/sessions/" + coming, mentor, Map.of("agenda", "Portfolio review")));
		refused(api().post("/api/v1/sessions/" + coming + "/cancel", mentee, Map.of("reason", "ILLNESS")));
		refused(api().post("/api/v1/sessions/" + past + "/held", mentor, "{}"));
		refused(api().put("/api/v1/sessions/" + held + "/notes", mentor, Map.of("sharedNotes", "Next: the budget")));
		refused(api().post("/api/v1/sessions/" + held + "/feedback", mentee, Map.of("rating", 5)));
		refused(api().post(mentorship + "/reviews", mentee, review("MIDTERM")));
		refused(api().post(mentorship + "/goals", mentee, Map.of("title", "Another goal")));
		refused(api().patch(mentorship + "/goals/" + goalId, mentee, Map.of("status", "ACHIEVED")));
		refused(api().post(mentorship + "/goals/" + goalId + "/check-ins", mentee, Map.of("progress", 50)));
		refused(api().post(mentorship + "/messages", mentor, Map.of("text", "Still there?")));

		// the pass fifteen days on, when the mentee's DAY_30 survey would be due, asks no one
		requesting.askWhoIsDue(Instant.now().plus(Duration.ofDays(15)));

		// nothing stored: every read answers as before
		Map<String, String> after = bodies(reads);
		before.forEach((path, body) -> assertThat(after.get(path)).as(path).isEqualTo(body));
		assertThat(api().get("/api/v1/programmes/" + programme.id + "/progress", coordinator).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/programmes/" + programme.id + "/events", mentee).status()).isEqualTo(200);

		// her rights do not end with the programme: her export, then her erasure
		Reply export = api().get("/api/v1/participants/" + pair.menteeId() + "/personal-data/sessions", mentee);
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.json().at("/data/surveys/0/requestId").asString()).isEqualTo(requestId);
		assertThat(api().get(surveys + "/" + surveyId + "/results", coordinator).json().get("requested").asInt())
			.isEqualTo(2);
		Upstream.publish(new ParticipantErased(pair.menteeId(), programme.id, programme.organiser, Instant.now()));
		Awaitility.await("her survey request erased")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api().get(surveys + "/" + surveyId + "/results", coordinator).json().get("requested")
				.asInt() == 1);
	}

	@Test
	void aClosedProgrammeStillTakesSurveyAnswersAndAFinalReviewUntilItIsArchived() {
		TestProgramme programme = known(TestProgramme.announced());
		TestProgramme.Pair pair = startedPair(programme, 60);
		String surveys = "/api/v1/programmes/" + programme.id + "/surveys";
		String surveyId = created(api().post(surveys, programme.coordinatorToken(), afterSession("Closing survey")));
		String held = booked(pair, inDays(-2, 10, 0), 60);
		assertThat(api().post("/api/v1/sessions/" + held + "/held", pair.mentorToken(), "{}").status()).isEqualTo(200);
		String menteeRequest = awaitSurveyRequest(pair.menteeId(), pair.menteeToken());
		String mentorRequest = awaitSurveyRequest(pair.mentorId(), pair.mentorToken());
		Map<String, Object> answers = Map.of("answers",
				List.of(Map.of("questionId", questionOf(programme, surveyId), "rating", 5)));

		announce(programme, ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED);
		Upstream.publish(new MentorshipEnded(pair.mentorshipId(), programme.id, programme.organiser, pair.mentorId(),
				pair.menteeId(), "COMPLETED", Instant.now()));
		awaitMentorship(pair.mentorshipId(), json -> json.get("status").asString().equals("ENDED"));

		Reply answered = api().post("/api/v1/survey-requests/" + menteeRequest + "/answers", pair.menteeToken(),
				answers);
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		Reply review = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", pair.menteeToken(),
				review("FINAL"));
		assertThat(review.status()).as(review.body()).isEqualTo(201);
		assertThat(api().get(surveys + "/" + surveyId + "/results", programme.coordinatorToken())
			.json()
			.get("answered")
			.asInt()).isEqualTo(1);

		announce(programme, ProgrammeStatus.CLOSED, ProgrammeStatus.ARCHIVED);

		refused(api().post("/api/v1/survey-requests/" + mentorRequest + "/answers", pair.mentorToken(), answers));
		refused(api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", pair.mentorToken(),
				review("FINAL")));
		JsonNode results = api().get(surveys + "/" + surveyId + "/results", programme.coordinatorToken()).json();
		assertThat(results.get("answered").asInt()).as("the refused answer is not stored").isEqualTo(1);
		JsonNode reviews = api().get("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", pair.mentorToken())
			.json();
		assertThat(reviews.findValuesAsString("authorId")).as("the refused review is not stored")
			.containsExactly(pair.menteeId());
	}

	/** Announces the programme's move, as participant-service does, and waits until it is taken in. */
	private void announce(TestProgramme programme, ProgrammeStatus from, ProgrammeStatus to) {
		Upstream.publish(new ProgrammeStatusChanged(programme.id, programme.organiser, from, to,
				ProgrammeStatusChanged.BY_COORDINATOR, Instant.now()));
		Awaitility.await("programme " + programme.id + " " + to)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> statuses.of(programme.id) == to);
	}

	private static void refused(Reply reply) {
		assertProblem(reply, 409);
		assertThat(reply.problemType()).as(reply.body()).isEqualTo("urn:mentoring:problem:programme-archived");
		assertThat(reply.problemFields()).as(reply.body()).containsExactly("status");
	}

	private static String created(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	private Map<String, String> bodies(Map<String, String> reads) {
		Map<String, String> bodies = new LinkedHashMap<>();
		reads.forEach((path, token) -> {
			Reply reply = api().get(path, token);
			assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
			bodies.put(path, reply.body());
		});
		return bodies;
	}

	private String awaitSurveyRequest(String participantId, String token) {
		String[] id = new String[1];
		Awaitility.await("a survey request of " + participantId)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				JsonNode page = api().get("/api/v1/participants/" + participantId + "/surveys", token).json();
				id[0] = page.at("/items/0/id").asString(null);
				return id[0] != null;
			});
		return id[0];
	}

	/** The first question of the survey, as its programme's coordinator reads it. */
	private String questionOf(TestProgramme programme, String surveyId) {
		return api().get("/api/v1/programmes/" + programme.id + "/surveys/" + surveyId, programme.coordinatorToken())
			.json()
			.at("/questions/0/id")
			.asString();
	}

	private static Map<String, Object> afterSession(String title) {
		return Map.of("title", Map.of("en", title), "audience", "BOTH", "trigger", "AFTER_SESSION", "questions",
				List.of(Map.of("kind", "RATING", "text", Map.of("en", "How useful was it?"), "required", true)));
	}

	private static Map<String, Object> training(String title) {
		return Map.of("kind", "TRAINING", "title", title, "start", inDays(20, 10, 0).toString(), "durationMinutes",
				120, "timeZone", "Europe/Belgrade");
	}

	private static Map<String, Object> link(String title) {
		return Map.of("title", title, "language", "en", "kind", "LINK", "tags", List.of("digital-tools"), "url",
				"https://example.org/guide");
	}

	private static Map<String, Object> review(String kind) {
		return Map.of("kind", kind, "progress", "A partner found in Skopje", "challenges", "Time",
				"nextSteps", "Submit the application");
	}

}
