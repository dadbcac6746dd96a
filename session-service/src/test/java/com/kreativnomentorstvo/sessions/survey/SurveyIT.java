package com.kreativnomentorstvo.sessions.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.sessions.SessionHeld;
import com.kreativnomentorstvo.events.sessions.SurveyAnswered;
import com.kreativnomentorstvo.events.sessions.SurveyRequested;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/**
 * A coordinator defines a survey after every session; a session held asks both members once, also
 * when its event comes again; a member answers, bad answers are refused naming the field with
 * nothing stored; results count what the caller may count; only she, her stewards and the
 * programme's coordinators see what is theirs; her export holds her answers and her erasure takes
 * them away. A DAY_30 survey reaches a pair started 31 days ago when the pass runs.
 */
class SurveyIT extends IntegrationTest {

	@Autowired
	SurveyRequesting requesting;

	@Autowired
	SurveyRequests surveyRequests;

	private static Map<String, String> texts(String en, String sr) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("en", en);
		texts.put("sr-Latn", sr);
		return texts;
	}

	private static Map<String, Object> afterSession() {
		Map<String, Object> rating = Map.of("kind", "RATING", "text", texts("How useful was the session?",
				"Koliko je sesija bila korisna?"), "required", true);
		Map<String, Object> choice = Map.of("kind", "CHOICE", "text", texts("What helped most?", "Šta je najviše pomoglo?"),
				"required", true, "options", List.of(Map.of("text", texts("Advice", "Savet")),
						Map.of("text", texts("Contacts", "Kontakti")), Map.of("text", texts("Feedback", "Povratna informacija"))));
		Map<String, Object> text = Map.of("kind", "TEXT", "text", texts("Anything else?", "Još nešto?"), "required",
				false);
		return Map.of("title", texts("After the session", "Posle sesije"), "audience", "BOTH", "trigger",
				"AFTER_SESSION", "questions", List.of(rating, choice, text));
	}

	private JsonNode awaitSurveys(String participantId, String token, int count) {
		JsonNode[] page = new JsonNode[1];
		Awaitility.await("surveys of " + participantId)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				Reply reply = api().get("/api/v1/participants/" + participantId + "/surveys", token);
				page[0] = reply.status() == 200 ? reply.json() : null;
				return page[0] != null && page[0].get("total").asInt() == count;
			});
		return page[0];
	}

	private Reply answer(String requestId, String token, List<Map<String, Object>> answers) {
		return api().post("/api/v1/survey-requests/" + requestId + "/answers", token, Map.of("answers", answers));
	}

	private static Map<String, Object> entry(String questionId, String key, Object value) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("questionId", questionId);
		answer.put(key, value);
		return answer;
	}

	@Test
	void aSessionHeldAsksBothMembersOnceAndTheirAnswersAreCountedExportedAndErased() {
		TestProgramme programme = known(TestProgramme.announced());
		TestProgramme.Pair pair = startedPair(programme, 20);
		Upstream.publish(new ParticipantContactChanged(pair.mentorId(), programme.id, programme.organiser,
				"Ana Petrović", pair.mentorId() + "@example.org", "sr-Latn", "Europe/Ljubljana", Instant.now()));
		String coordinator = programme.coordinatorToken();
		String base = "/api/v1/programmes/" + programme.id + "/surveys";

		// who may define: the organiser's coordinators; a partner 403, another organisation 404, no token 401
		assertProblem(api().post(base, programme.partnerCoordinatorToken(), afterSession()), 403);
		assertProblem(api().post(base, pair.mentorToken(), afterSession()), 403);
		assertProblem(api().post(base, TestTokens.shared().coordinator("org-elsewhere"), afterSession()), 404);
		assertProblem(api().post(base, null, afterSession()), 401);
		Reply defined = api().post(base, coordinator, afterSession());
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		String surveyId = defined.json().get("id").asString();
		JsonNode questions = defined.json().get("questions");
		String ratingId = questions.get(0).get("id").asString();
		String choiceId = questions.get(1).get("id").asString();
		String textId = questions.get(2).get("id").asString();
		String advice = questions.get(1).get("options").get(0).get("id").asString();
		String contacts = questions.get(1).get("options").get(1).get("id").asString();
		assertThat(api().get(base + "/" + surveyId, programme.partnerCoordinatorToken()).status()).isEqualTo(200);
		assertProblem(api().get(base, TestTokens.shared().coordinator("org-elsewhere")), 404);
		assertProblem(api().get(base + "/" + surveyId, pair.menteeToken()), 404);
		assertProblem(api().get(base + "/" + surveyId, null), 401);

		// the session is held: one request each, also when the held event comes again
		String session = booked(pair, inDays(-2, 10, 0), 60);
		Reply held = api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(), "{}");
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		JsonNode menteeSurveys = awaitSurveys(pair.menteeId(), pair.menteeToken(), 1);
		JsonNode mentorSurveys = awaitSurveys(pair.mentorId(), pair.mentorToken(), 1);
		SessionHeld heldEvent = EventRecords.awaitEvent(SessionHeld.class, session);
		requesting.sessionHeld(heldEvent);
		requesting.askWhoIsDue(Instant.now());
		assertProblem(api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(), "{}"), 409);
		assertThat(api().get("/api/v1/participants/" + pair.menteeId() + "/surveys", pair.menteeToken())
			.json()
			.get("total")
			.asInt()).as("asked once, however often the session's being held is seen").isEqualTo(1);
		assertThat(api().get("/api/v1/participants/" + pair.mentorId() + "/surveys", pair.mentorToken())
			.json()
			.get("total")
			.asInt()).isEqualTo(1);
		// a request the recording did not make (the process stopped in between) is made by the pass
		String mentorRequestId = mentorSurveys.at("/items/0/id").asString();
		surveyRequests.deleteById(mentorRequestId);
		assertThat(requesting.askWhoIsDue(Instant.now())).isPositive();
		assertThat(surveyRequests.existsById(mentorRequestId)).isTrue();

		JsonNode request = menteeSurveys.get("items").get(0);
		String requestId = request.get("id").asString();
		assertThat(request.get("status").asString()).isEqualTo("OPEN");
		assertThat(request.get("sessionId").asString()).isEqualTo(session);
		assertThat(request.get("language").asString()).isEqualTo("en");
		assertThat(request.get("title").asString()).isEqualTo("After the session");
		assertThat(request.at("/questions/1/options/1/text").asString()).isEqualTo("Contacts");
		SurveyRequested requested = EventRecords.awaitEvent(SurveyRequested.class, requestId);
		assertThat(requested.participantId()).isEqualTo(pair.menteeId());
		assertThat(requested.trigger()).isEqualTo("AFTER_SESSION");
		assertThat(requested.surveyId()).isEqualTo(surveyId);
		Awaitility.await("the mentor's survey in her language")
			.atMost(PATIENCE)
			.until(() -> api().get("/api/v1/participants/" + pair.mentorId() + "/surveys", pair.mentorToken())
				.json()
				.at("/items/0/title")
				.asString()
				.equals("Posle sesije"));

		// the page her notice links to reads the one request, worded for her
		Reply one = api().get("/api/v1/survey-requests/" + requestId, pair.menteeToken());
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(one.json().get("title").asString()).isEqualTo("After the session");
		assertThat(one.json().at("/questions/1/options/1/text").asString()).isEqualTo("Contacts");
		assertProblem(api().get("/api/v1/survey-requests/" + requestId, pair.mentorToken()), 404);
		assertProblem(api().get("/api/v1/survey-requests/" + requestId, programme.coordinatorToken()), 404);
		assertProblem(api().get("/api/v1/survey-requests/" + requestId, null), 401);

		// another participant, another organisation's coordinator and no token see nothing of hers
		assertProblem(api().get("/api/v1/participants/" + pair.menteeId() + "/surveys", pair.mentorToken()), 404);
		assertProblem(api().get("/api/v1/participants/" + pair.menteeId() + "/surveys",
				TestTokens.shared().coordinator("org-elsewhere")), 404);
		assertProblem(api().get("/api/v1/participants/" + pair.menteeId() + "/surveys", null), 401);

		// bad answers, each refused naming its field, nothing stored
		List<Map<String, Object>> good = List.of(entry(ratingId, "rating", 4), entry(choiceId, "choice", advice),
				entry(textId, "text", "The contacts for the Creative Europe call."));
		Map<String, List<Map<String, Object>>> refusals = new LinkedHashMap<>();
		refusals.put("answers[2].questionId", List.of(entry(ratingId, "rating", 4), entry(choiceId, "choice", advice),
				entry("q-unknown", "rating", 3)));
		refusals.put("answers", List.of(entry(choiceId, "choice", advice)));
		refusals.put("answers[0].text", List.of(entry(ratingId, "text", "five"), entry(choiceId, "choice", advice)));
		refusals.put("answers[0].rating", List.of(entry(ratingId, "rating", 6), entry(choiceId, "choice", advice)));
		refusals.put("answers[1].choice", List.of(entry(ratingId, "rating", 4), entry(choiceId, "choice", "opt-none")));
		refusals.forEach((field, answers) -> {
			Reply refused = answer(requestId, pair.menteeToken(), answers);
			assertProblem(refused, 422);
			assertThat(refused.problemFields()).as(refused.body()).contains(field);
		});
		Reply wrongType = answer(requestId, pair.menteeToken(),
				List.of(entry(ratingId, "rating", "four"), entry(choiceId, "choice", advice)));
		assertProblem(wrongType, 400);
		assertThat(wrongType.body()).contains("rating");
		assertProblem(answer(requestId, pair.mentorToken(), good), 404);
		assertProblem(answer(requestId, TestTokens.shared().coordinator(programme.organiser), good), 404);
		assertProblem(answer(requestId, null, good), 401);
		assertThat(awaitSurveys(pair.menteeId(), pair.menteeToken(), 1).at("/items/0/status").asString())
			.as("nothing stored on a refusal").isEqualTo("OPEN");

		// she answers once; the mentor too
		Reply answered = answer(requestId, pair.menteeToken(), good);
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
		Reply again = answer(requestId, pair.menteeToken(), good);
		assertProblem(again, 409);
		assertThat(again.problemType()).isEqualTo("urn:mentoring:problem:survey-already-answered");
		assertProblem(answer(requestId, pair.menteeToken(), List.of(entry(ratingId, "rating", 9))), 409);
		Reply mentorAnswered = answer(mentorRequestId, pair.mentorToken(),
				List.of(entry(ratingId, "rating", 2), entry(choiceId, "choice", contacts)));
		assertThat(mentorAnswered.status()).as(mentorAnswered.body()).isEqualTo(201);
		SurveyAnswered answeredEvent = EventRecords.awaitEvent(SurveyAnswered.class, requestId);
		assertThat(answeredEvent.participantId()).isEqualTo(pair.menteeId());
		assertThat(EventRecords.value(EventRecords.awaitEvent(com.kreativnomentorstvo.events.Topics.SESSIONS,
				"mentoring.survey.answered.v1", requestId))).doesNotContain("Creative Europe");

		// an answered survey cannot be deleted, nor lose a question
		assertProblem(api().delete(base + "/" + surveyId, coordinator), 409);
		Map<String, Object> fewer = new LinkedHashMap<>(afterSession());
		fewer.put("questions", List.of(Map.of("id", ratingId, "kind", "RATING", "text", texts("Useful?", "Korisno?"),
				"required", true)));
		assertProblem(api().put(base + "/" + surveyId, coordinator, fewer), 409);

		// results: the organiser's coordinators count everything and read the texts of those they steward
		JsonNode results = api().get(base + "/" + surveyId + "/results", coordinator).json();
		assertThat(results.get("requested").asInt()).isEqualTo(2);
		assertThat(results.get("answered").asInt()).isEqualTo(2);
		assertThat(results.at("/questions/0/average").asDouble()).isEqualTo(3.0);
		assertThat(results.at("/questions/0/distribution/4").asInt()).isEqualTo(1);
		assertThat(results.at("/questions/0/distribution/2").asInt()).isEqualTo(1);
		assertThat(results.at("/questions/1/options/0/count").asInt()).isEqualTo(1);
		assertThat(results.at("/questions/1/options/1/count").asInt()).isEqualTo(1);
		assertThat(results.at("/questions/1/options/2/count").asInt()).isZero();
		assertThat(results.at("/questions/2/answers").asInt()).isEqualTo(1);
		assertThat(results.at("/questions/2/texts/0/text").asString())
			.isEqualTo("The contacts for the Creative Europe call.");
		JsonNode partnerShare = api().get(base + "/" + surveyId + "/results", programme.partnerCoordinatorToken())
			.json();
		assertThat(partnerShare.get("requested").asInt()).as("a partner counts its own share: none here").isZero();
		assertThat(partnerShare.toString()).doesNotContain("Creative Europe");
		assertProblem(api().get(base + "/" + surveyId + "/results", TestTokens.shared().coordinator("org-elsewhere")),
				404);
		assertProblem(api().get(base + "/" + surveyId + "/results", pair.menteeToken()), 404);
		assertProblem(api().get(base + "/" + surveyId + "/results", null), 401);
		JsonNode totals = api().get("/api/v1/programmes/" + programme.id + "/progress", coordinator).json().get("totals");
		assertThat(totals.get("surveysRequested").asInt()).isEqualTo(2);
		assertThat(totals.get("surveysAnswered").asInt()).isEqualTo(2);

		// her export holds her answers; her erasure removes them, and the counts with them
		JsonNode export = api().get("/api/v1/participants/" + pair.menteeId() + "/personal-data/sessions",
				pair.menteeToken())
			.json();
		assertThat(export.at("/data/surveys/0/requestId").asString()).isEqualTo(requestId);
		assertThat(export.at("/data/surveys/0/answers").toString()).contains("The contacts for the Creative Europe call.");
		Upstream.publish(new ParticipantErased(pair.menteeId(), programme.id, programme.organiser, Instant.now()));
		Awaitility.await("her answers erased")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api().get(base + "/" + surveyId + "/results", coordinator).json().get("answered").asInt() == 1);
		JsonNode after = api().get(base + "/" + surveyId + "/results", coordinator).json();
		assertThat(after.get("requested").asInt()).isEqualTo(1);
		assertThat(after.toString()).doesNotContain("Creative Europe");
		assertThat(after.at("/questions/0/average").asDouble()).isEqualTo(2.0);
	}

	@Test
	void aDay30SurveyReachesAPairStarted31DaysAgoWhenThePassRuns() {
		TestProgramme programme = known(TestProgramme.announced());
		TestProgramme.Pair old = startedPair(programme, 31);
		Upstream.publish(new ParticipantContactChanged(old.menteeId(), programme.id, programme.organiser, "Iva Horvat",
				old.menteeId() + "@example.org", "sr-Latn", "Europe/Zagreb", Instant.now()));
		TestProgramme.Pair recent = startedPair(programme, 10);
		Map<String, Object> survey = Map.of("title", Map.of("en", "Your first month"), "audience", "MENTEES", "trigger",
				"DAY_30", "questions", List.of(Map.of("kind", "RATING", "text", Map.of("en", "How is it going?"))));
		Reply defined = api().post("/api/v1/programmes/" + programme.id + "/surveys", programme.coordinatorToken(),
				survey);
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);

		assertThat(requesting.askWhoIsDue(Instant.now())).isPositive();
		requesting.askWhoIsDue(Instant.now());

		JsonNode asked = awaitSurveys(old.menteeId(), old.menteeToken(), 1);
		assertThat(asked.at("/items/0/trigger").asString()).isEqualTo("DAY_30");
		assertThat(asked.at("/items/0/title").asString()).isEqualTo("Your first month");
		assertThat(asked.at("/items/0/language").asString()).as("not written in her sr-Latn: the programme's first")
			.isEqualTo("en");
		assertThat(api().get("/api/v1/participants/" + old.mentorId() + "/surveys", old.mentorToken())
			.json()
			.get("total")
			.asInt()).as("mentors are not its audience").isZero();
		assertThat(api().get("/api/v1/participants/" + recent.menteeId() + "/surveys", recent.menteeToken())
			.json()
			.get("total")
			.asInt()).as("a pair of ten days is not due yet").isZero();
		EventRecords.awaitEvent(SurveyRequested.class, asked.at("/items/0/id").asString());

		// three weeks later, the recent pair is due too
		requesting.askWhoIsDue(Instant.now().plus(Duration.ofDays(21)));
		awaitSurveys(recent.menteeId(), recent.menteeToken(), 1);
		List<String> ids = new ArrayList<>();
		awaitSurveys(old.menteeId(), old.menteeToken(), 1).get("items").forEach(i -> ids.add(i.get("id").asString()));
		assertThat(ids).as("asked once").hasSize(1);
	}

	@Test
	void aSurveyWithoutAnswersCanBeRevisedAndDeletedAndABadOneIsRefusedNamingTheField() {
		TestProgramme programme = known(TestProgramme.announced());
		String base = "/api/v1/programmes/" + programme.id + "/surveys";
		Map<String, Object> bad = new LinkedHashMap<>(afterSession());
		bad.put("questions", List.of(Map.of("kind", "RATING", "text", Map.of("en", "Rate")),
				Map.of("kind", "RATING", "text", Map.of("en", "Rate")),
				Map.of("kind", "CHOICE", "text", Map.of("en", "Pick"), "options", List.of(Map.of("text", Map.of("en", "one"))))));
		Reply refused = api().post(base, programme.coordinatorToken(), bad);
		assertProblem(refused, 422);
		assertThat(refused.problemFields()).containsExactly("questions[2].options");
		assertThat(api().get(base, programme.coordinatorToken()).json()).as("nothing stored").isEmpty();

		Reply defined = api().post(base, programme.coordinatorToken(), afterSession());
		String surveyId = defined.json().get("id").asString();
		String ratingId = defined.json().at("/questions/0/id").asString();
		Map<String, Object> revised = new LinkedHashMap<>(afterSession());
		revised.put("questions", List.of(Map.of("id", ratingId, "kind", "RATING", "text", texts("Useful?", "Korisno?"),
				"required", true)));
		Reply put = api().put(base + "/" + surveyId, programme.coordinatorToken(), revised);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().at("/questions/0/id").asString()).isEqualTo(ratingId);
		assertThat(put.json().get("questions")).hasSize(1);
		assertProblem(api().delete(base + "/" + surveyId, programme.partnerCoordinatorToken()), 403);
		assertThat(api().delete(base + "/" + surveyId, programme.coordinatorToken()).status()).isEqualTo(204);
		assertProblem(api().get(base + "/" + surveyId, programme.coordinatorToken()), 404);
	}

}
