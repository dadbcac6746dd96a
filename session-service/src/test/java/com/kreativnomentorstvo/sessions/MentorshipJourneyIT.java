package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * A pair's six months in one run: matched by matching-service, goals agreed, a session booked,
 * moved, held with notes and rated by both, the midterm review written by both, and the
 * coordinators' progress report; every event that comes out is valid against its schema and
 * carries no free text.
 */
class MentorshipJourneyIT extends IntegrationTest {

	private static final String AGENDA = "Agenda: funding calendar for the touring exhibition";

	private static final String SHARED = "We drafted the Creative Europe timeline together";

	private static final String PRIVATE = "Mentee hesitant about the budget; follow up gently";

	private static final String COMMENT = "Very practical, thank you";

	private static final String REVIEW_TEXT = "Portfolio done; grant draft halfway";

	@Test
	void aMentorshipRunsFromMatchToProgressReportWithSchemaValidEventsOut() {
		ServiceApi api = api();
		TestProgramme programme = TestProgramme.announced(LocalDate.now(TestProgramme.ZONE).minusDays(1));
		TestProgramme.Pair pair = startedPair(programme, 20);
		// another mentee was proposed to the same mentor ten days ago and nobody has answered
		String waiting = programme.enrol(Role.MENTEE, "Europe/Zagreb", "Iva Horvat");
		Upstream.publish(new MatchProposed("match-" + waiting, programme.id, programme.organiser, null, "MANUAL",
				pair.mentorId(), waiting, 72.5, List.of(), Instant.now().minus(Duration.ofDays(3)),
				Instant.now().minus(Duration.ofDays(10))));

		// the pair sees its mentorship, with names and each member's own zone
		JsonNode mentorship = api.get("/api/v1/mentorships/" + pair.mentorshipId(), pair.menteeToken()).json();
		assertThat(mentorship.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(mentorship.at("/mentor/participantId").asString()).isEqualTo(pair.mentorId());
		assertThat(api.get("/api/v1/mentorships", pair.mentorToken()).json().at("/items/0/id").asString())
			.isEqualTo(pair.mentorshipId());

		// goals agreed at the start, and a first check-in
		Reply goal = api.post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals", pair.menteeToken(),
				Map.of("title", "Apply to Creative Europe", "description", "Cooperation projects call"));
		assertThat(goal.status()).as(goal.body()).isEqualTo(201);
		String goalId = goal.json().get("id").asString();
		Reply checkIn = api.post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals/" + goalId + "/check-ins",
				pair.mentorToken(), Map.of("progress", 40, "note", "Partners found"));
		assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);

		// a session next week, online, in Belgrade time; each member sees it in her own zone
		LocalDateTime nextWeek = inDays(7, 18, 0);
		Reply scheduled = api.post("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", pair.mentorToken(),
				Map.of("start", nextWeek.toString(), "timeZone", "Europe/Belgrade", "durationMinutes", 60,
						"mode", "ONLINE", "agenda", AGENDA));
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
		JsonNode session = scheduled.json();
		String sessionId = session.get("id").asString();
		assertThat(session.get("meetingUrl").asString()).matches("https://meet\\.jit\\.si/\\S+");
		assertThat(session.get("sequence").asInt()).isZero();
		assertThat(session.get("start").asString()).startsWith(nextWeek.toString());
		assertThat(session.get("localTimes").findValuesAsString("timeZone"))
			.containsExactly("Europe/Ljubljana", "Europe/Skopje");
		assertThat(session.at("/localTimes/1/start").asString()).startsWith(nextWeek.toString());
		assertThat(scheduled.header("ETag")).isEqualTo("\"0\"");

		// it took place earlier than planned: moved to three days ago, guarded by its ETag
		LocalDateTime threeDaysAgo = inDays(-3, 17, 30);
		Reply moved = api.patch("/api/v1/sessions/" + sessionId, pair.menteeToken(),
				Map.of("start", threeDaysAgo.toString()), "\"0\"");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
		assertThat(moved.json().get("durationMinutes").asInt()).isEqualTo(60);
		Reply stale = api.patch("/api/v1/sessions/" + sessionId, pair.mentorToken(),
				Map.of("durationMinutes", 90), "\"0\"");
		assertProblem(stale, 412);

		// held, with the mentor's shared and private notes
		Reply held = api.post("/api/v1/sessions/" + sessionId + "/held", pair.mentorToken(),
				Map.of("sharedNotes", SHARED, "privateNotes", PRIVATE));
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		assertThat(held.json().get("status").asString()).isEqualTo("HELD");

		// feedback from both sides, once each
		assertThat(feedback(api, sessionId, pair.menteeToken(), 5, COMMENT).status()).isEqualTo(201);
		assertThat(feedback(api, sessionId, pair.mentorToken(), 4, null).status()).isEqualTo(201);
		assertProblem(feedback(api, sessionId, pair.menteeToken(), 3, null), 409);

		// the midterm was yesterday: the pair is at risk until both have written their review
		JsonNode before = progress(api, programme).json();
		assertThat(strings(pairRow(before, pair).get("risks"))).containsExactly("MISSING_MIDTERM_REVIEW");
		assertThat(review(api, pair, pair.mentorToken()).status()).isEqualTo(201);
		assertThat(review(api, pair, pair.menteeToken()).status()).isEqualTo(201);
		assertProblem(review(api, pair, pair.menteeToken()), 409);

		// the report the programme's runners (the organiser's coordinators) read
		JsonNode report = progress(api, programme).json();
		JsonNode row = pairRow(report, pair);
		assertThat(row.get("sessionsHeld").asInt()).isEqualTo(1);
		assertThat(row.get("hoursHeld").asDouble()).isEqualTo(1.0);
		assertThat(row.get("lastContact").asString()).startsWith(threeDaysAgo.toString());
		assertThat(row.at("/goals/total").asInt()).isEqualTo(1);
		assertThat(row.at("/goals/averageProgress").asInt()).isEqualTo(40);
		assertThat(row.at("/feedback/average").asDouble()).isEqualTo(4.5);
		assertThat(row.at("/feedback/count").asInt()).isEqualTo(2);
		assertThat(row.at("/midtermReview/mentor").asBoolean()).isTrue();
		assertThat(row.at("/midtermReview/mentee").asBoolean()).isTrue();
		assertThat(strings(row.get("risks"))).isEmpty();
		assertThat(row.get("mentorName").asString()).isEqualTo("Ana Petrović");
		assertThat(report.at("/totals/sessionsHeld").asInt()).isEqualTo(1);
		assertThat(report.at("/totals/midtermReviewsComplete").asInt()).isEqualTo(1);
		assertThat(report.at("/totals/pairsAtRisk").asInt()).isZero();
		assertThat(report.at("/totals/unansweredMatches").asInt()).isEqualTo(1);
		assertThat(report.at("/unansweredMatches/0/menteeName").asString()).isEqualTo("Iva Horvat");

		// the same as CSV, by content negotiation and by file name
		Reply csv = api.get("/api/v1/programmes/" + programme.id + "/progress", programme.coordinatorToken(),
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("kind,mentorshipId,matchId,mentorId,mentorName");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("PAIR," + pair.mentorshipId())
			.contains("Ana Petrović").contains(",BOTH,"));
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("UNANSWERED_MATCH,"));
		assertThat(api.get("/api/v1/programmes/" + programme.id + "/progress.csv", programme.coordinatorToken()).body())
			.isEqualTo(csv.body());

		// what went out: one event per fact, each valid against its schema, none with free text
		List<ConsumerRecord<String, byte[]>> out = List.of(
				EventRecords.await(Topics.SESSIONS, EventRecords.event("mentoring.session.scheduled.v1", sessionId)),
				EventRecords.await(Topics.SESSIONS, EventRecords.event("mentoring.session.rescheduled.v1", sessionId)),
				EventRecords.await(Topics.SESSIONS, EventRecords.event("mentoring.session.held.v1", sessionId)),
				awaitFor("mentoring.feedback.submitted.v1", sessionId, pair.menteeId()),
				awaitFor("mentoring.feedback.submitted.v1", sessionId, pair.mentorId()),
				awaitFor("mentoring.review.submitted.v1", pair.mentorshipId(), pair.mentorId()),
				awaitFor("mentoring.review.submitted.v1", pair.mentorshipId(), pair.menteeId()));
		assertThat(out).extracting(EventRecords::value)
			.noneMatch(json -> json.contains(SHARED) || json.contains(PRIVATE) || json.contains(AGENDA)
					|| json.contains(COMMENT) || json.contains(REVIEW_TEXT) || json.contains("Ana Petrović"));
		assertThat(EventRecords.value(out.get(1))).contains("\"sequence\":1").contains("\"previousStart\":\"" + nextWeek);
		assertThat(EventRecords.header(out.get(0), "ce_programmeid")).isEqualTo(programme.id);
		assertThat(EventRecords.header(out.get(0), "ce_source")).isEqualTo("/local/session-service");
		out.forEach(EventAssertions::assertContractKept);
		// and everything that came in was applied: nothing was parked as a dead letter
		assertThat(EventRecords.all(Topics.deadLetterTopic("session-service"))).isEmpty();
	}

	private static Reply feedback(ServiceApi api, String sessionId, String token, int rating, String comment) {
		Map<String, Object> body = comment == null ? Map.of("rating", rating) : Map.of("rating", rating, "comment", comment);
		return api.post("/api/v1/sessions/" + sessionId + "/feedback", token, body);
	}

	private static Reply review(ServiceApi api, TestProgramme.Pair pair, String token) {
		return api.post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", token, Map.of("kind",
				"MIDTERM", "progress", REVIEW_TEXT, "challenges", "Time", "nextSteps", "Submit by March"));
	}

	private static Reply progress(ServiceApi api, TestProgramme programme) {
		Reply response = api.get("/api/v1/programmes/" + programme.id + "/progress",
				programme.coordinatorToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static JsonNode pairRow(JsonNode report, TestProgramme.Pair pair) {
		for (JsonNode row : report.get("pairs")) {
			if (row.get("mentorshipId").asString().equals(pair.mentorshipId())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + pair.mentorshipId() + " in " + report);
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	/** The event of the type about the aggregate whose data names the author. */
	private static ConsumerRecord<String, byte[]> awaitFor(String type, String about, String authorId) {
		return EventRecords.await(Topics.SESSIONS, r -> type.equals(EventRecords.header(r, "ce_type"))
				&& EventRecords.value(r).contains("\"" + about + "\"")
				&& EventRecords.value(r).contains("\"authorId\":\"" + authorId + "\""));
	}

}
