package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * Every list that requests append to has a limit (here {@value #LIMIT}, and {@value #SESSIONS_LIMIT}
 * sessions per participant): one more is a 409 {@code limit-reached} naming the list and its limit,
 * and nothing is written; changing what is there is still allowed.
 */
class BoundedGrowthIT extends IntegrationTest {

	private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(6);

	@Autowired
	private MongoOperations mongo;

	@AfterAll
	static void stopClients() {
		CLIENTS.shutdownNow();
	}

	@Test
	void aGoalPastTheLimitIsRefusedAndThePairKeepsExactlyTheLimit() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 10);
		String goals = "/api/v1/mentorships/" + pair.mentorshipId() + "/goals";
		for (int i = 1; i <= LIMIT; i++) {
			assertThat(api().post(goals, pair.menteeToken(), goal("Goal " + i)).status()).isEqualTo(201);
		}
		String version = api().get("/api/v1/mentorships/" + pair.mentorshipId(), pair.menteeToken()).header("ETag");

		Reply refused = api().post(goals, pair.mentorToken(), goal("One too many"));

		assertLimitReached(refused, "goals", LIMIT);
		assertThat(api().get(goals, pair.menteeToken()).json().findValuesAsString("title"))
			.containsExactly("Goal 1", "Goal 2", "Goal 3");
		assertThat(api().get("/api/v1/mentorships/" + pair.mentorshipId(), pair.menteeToken()).header("ETag"))
			.isEqualTo(version);
	}

	@Test
	void goalsAddedAtOnceNeverPassTheLimit() throws Exception {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 10);
		String goals = "/api/v1/mentorships/" + pair.mentorshipId() + "/goals";

		List<Reply> responses = atOnce(2 * LIMIT,
				i -> api().post(goals, i % 2 == 0 ? pair.menteeToken() : pair.mentorToken(), goal("Goal " + i)));

		long added = responses.stream().filter(r -> r.status() == 201).count();
		assertThat(added).isBetween(1L, (long) LIMIT);
		// the losers were refused: the list was full, or someone else wrote first (read and retry)
		responses.stream().filter(r -> r.status() != 201).forEach(r -> assertProblem(r, 409));
		assertThat(api().get(goals, pair.menteeToken()).json().size()).isEqualTo((int) added);
		while (api().post(goals, pair.menteeToken(), goal("Later")).status() == 201) {
			// fill it up one by one
		}
		assertThat(api().get(goals, pair.menteeToken()).json().size()).isEqualTo(LIMIT);
	}

	@Test
	void aCheckInPastTheLimitIsRefusedOverAllThePairsGoals() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 10);
		String goals = "/api/v1/mentorships/" + pair.mentorshipId() + "/goals";
		String grant = api().post(goals, pair.menteeToken(), goal("Grant")).json().get("id").asString();
		String portfolio = api().post(goals, pair.menteeToken(), goal("Portfolio")).json().get("id").asString();
		assertThat(checkIn(pair, grant, 20).status()).isEqualTo(201);
		assertThat(checkIn(pair, portfolio, 30).status()).isEqualTo(201);
		assertThat(checkIn(pair, grant, 40).status()).isEqualTo(201);

		Reply refused = checkIn(pair, portfolio, 90);

		assertLimitReached(refused, "checkIns", LIMIT);
		JsonNode stored = api().get(goals, pair.menteeToken()).json();
		assertThat(stored.findValues("checkIns")).extracting(JsonNode::size).containsExactly(2, 1);
		assertThat(stored.get(1).get("progress").asInt()).isEqualTo(30);
	}

	@Test
	void anAnswerPastTheLimitIsRefusedButThoseWhoAnsweredMayChangeIt() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair first = startedPair(programme, 10);
		TestProgramme.Pair second = startedPair(programme, 10);
		String event = "/api/v1/programmes/" + programme.id + "/events/" + event(programme, inDays(14, 10, 0));
		List<String> answering = List.of(first.mentorToken(), first.menteeToken(), second.mentorToken());
		for (String token : answering) {
			assertThat(api().put(event + "/rsvp", token, answer("YES")).status()).isEqualTo(200);
		}

		Reply refused = api().put(event + "/rsvp", second.menteeToken(), answer("YES"));

		assertLimitReached(refused, "rsvps", LIMIT);
		assertThat(api().put(event + "/rsvp", first.menteeToken(), answer("NO")).status()).isEqualTo(200);
		JsonNode stored = api().get(event, programme.coordinatorToken()).json();
		assertThat(stored.get("rsvps").findValuesAsString("participantId"))
			.containsExactlyInAnyOrder(first.mentorId(), first.menteeId(), second.mentorId());
		assertThat(stored.get("rsvps").findValuesAsString("response")).containsExactlyInAnyOrder("YES", "NO", "YES");
	}

	@Test
	void attendancePastTheLimitIsRefusedWholeAndCorrectionsAreStillTaken() {
		TestProgramme programme = TestProgramme.announced();
		String event = "/api/v1/programmes/" + programme.id + "/events/" + event(programme, inDays(-1, 16, 0));
		String coordinator = programme.coordinatorToken();
		assertThat(api().put(event + "/attendance", coordinator, attendance("par-1", "par-2")).status()).isEqualTo(200);

		Reply refused = api().put(event + "/attendance", coordinator, attendance("par-2", "par-3", "par-4"));

		assertLimitReached(refused, "attendance", LIMIT);
		assertThat(attendanceOf(event, coordinator)).containsExactlyInAnyOrder("par-1", "par-2");
		assertThat(api().put(event + "/attendance", coordinator, attendance("par-3")).status()).isEqualTo(200);
		assertLimitReached(api().put(event + "/attendance", coordinator, attendance("par-4")), "attendance", LIMIT);
		assertThat(api().put(event + "/attendance", coordinator, attendance("par-1")).status()).isEqualTo(200);
		assertThat(attendanceOf(event, coordinator)).containsExactlyInAnyOrder("par-1", "par-2", "par-3");
		// and each entry is bounded too
		Reply longId = api().put(event + "/attendance", coordinator, attendance("p".repeat(101)));
		assertProblem(longId, 400);
		assertThat(longId.json().get("errors").findValuesAsString("field")).containsExactly("records[0].participantId");
	}

	@Test
	void aSessionPastTheLimitIsRefusedAndASeriesIsBookedWholeOrNotAtAll() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 10);
		assertThat(bookWeekly(pair, inDays(20, 10, 0), SESSIONS_LIMIT - 2).status()).isEqualTo(201);

		assertLimitReached(bookWeekly(pair, inDays(21, 10, 0), 3), "sessions", SESSIONS_LIMIT);
		assertThat(sessionsOf(pair)).isEqualTo(SESSIONS_LIMIT - 2);

		String last = booked(pair, inDays(22, 10, 0), 60);
		booked(pair, inDays(23, 10, 0), 60);
		Reply refused = book(pair, pair.menteeToken(), inDays(24, 10, 0), "Europe/Belgrade", 60);

		assertLimitReached(refused, "sessions", SESSIONS_LIMIT);
		assertThat(refused.json().get("detail").asString()).contains("mentor");
		assertThat(sessionsOf(pair)).isEqualTo(SESSIONS_LIMIT);
		assertThat(claimsOf(pair.mentorId())).isEqualTo(SESSIONS_LIMIT);
		assertThat(claimsOf(pair.menteeId())).isEqualTo(SESSIONS_LIMIT);
		// a full schedule still lets a session move, and a cancelled one makes room
		Reply moved = api().patch("/api/v1/sessions/" + last, pair.mentorToken(),
				Map.of("start", inDays(22, 12, 0).toString()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		api().post("/api/v1/sessions/" + last + "/cancel", pair.mentorToken(), Map.of("reason", "OTHER"));
		assertThat(book(pair, pair.menteeToken(), inDays(24, 10, 0), "Europe/Belgrade", 60).status()).isEqualTo(201);
	}

	private static void assertLimitReached(Reply response, String field, int limit) {
		assertProblem(response, 409);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:mentoring:problem:limit-reached");
		assertThat(problem.get("field").asString()).isEqualTo(field);
		assertThat(problem.get("limit").asInt()).isEqualTo(limit);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
		assertThat(problem.get("detail").asString()).contains(String.valueOf(limit));
	}

	private static String goal(String title) {
		return ServiceApi.json(Map.of("title", title));
	}

	private Reply checkIn(TestProgramme.Pair pair, String goalId, int progress) {
		return api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals/" + goalId + "/check-ins",
				pair.menteeToken(), Map.of("progress", progress, "note", "Progress " + progress));
	}

	private String event(TestProgramme programme, LocalDateTime start) {
		known(programme);
		Reply created = api().post("/api/v1/programmes/" + programme.id + "/events",
				programme.coordinatorToken(), Map.of("kind", "TRAINING", "title", "Digital tools clinic",
						"start", start.toString(), "durationMinutes", 90, "timeZone", "Europe/Belgrade"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String answer(String response) {
		return ServiceApi.json(Map.of("response", response));
	}

	private static String attendance(String... participantIds) {
		return ServiceApi.json(Map.of("records",
				List.of(participantIds).stream().map(id -> Map.of("participantId", id, "status", "PRESENT")).toList()));
	}

	private List<String> attendanceOf(String event, String token) {
		return api().get(event, token).json().get("attendance").findValuesAsString("participantId");
	}

	private Reply bookWeekly(TestProgramme.Pair pair, LocalDateTime start, int weeks) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", start.toString());
		body.put("timeZone", "Europe/Belgrade");
		body.put("durationMinutes", 60);
		body.put("weeklyOccurrences", weeks);
		return api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", pair.mentorToken(),
				body);
	}

	private int sessionsOf(TestProgramme.Pair pair) {
		return api().get("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions?size=100", pair.mentorToken())
			.json()
			.get("total")
			.asInt();
	}

	/** The claims stored in her schedule, one per session holding her time. */
	private int claimsOf(String participantId) {
		Document schedule = mongo.findById(participantId, Document.class, "schedules");
		return schedule == null ? 0 : schedule.getList("claims", Document.class).size();
	}

	private static List<Reply> atOnce(int count, IntFunction<Reply> request)
			throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Reply>> futures = IntStream.range(0, count)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				return request.apply(i);
			}, CLIENTS))
			.toList();
		go.countDown();
		List<Reply> responses = new ArrayList<>();
		for (CompletableFuture<Reply> future : futures) {
			responses.add(future.get(30, TimeUnit.SECONDS));
		}
		return responses;
	}

}
