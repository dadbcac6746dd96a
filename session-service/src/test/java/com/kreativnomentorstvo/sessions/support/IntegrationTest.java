package com.kreativnomentorstvo.sessions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.security.AccountEnrolments;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * The one application context of this module's integration tests (every test class extends this,
 * so they share it): the whole service on a random port, against the shared real Kafka broker,
 * MongoDB-wire store and token issuer. Its limits are small, so {@code BoundedGrowthIT} reaches them
 * in a few requests: at most {@value #LIMIT} goals and check-ins per pair, answers and attendance
 * records per event, messages per pair, and {@value #SESSIONS_LIMIT} sessions per participant; the
 * resource library takes files of at most {@value #MAX_FILE_SIZE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.de.bwaldvogel.mongo.backend=ERROR",
				"mentoring.sessions.limits.goals-per-mentorship=" + IntegrationTest.LIMIT,
				"mentoring.sessions.limits.check-ins-per-mentorship=" + IntegrationTest.LIMIT,
				"mentoring.sessions.limits.rsvps-per-event=" + IntegrationTest.LIMIT,
				"mentoring.sessions.limits.attendance-per-event=" + IntegrationTest.LIMIT,
				"mentoring.sessions.limits.messages-per-mentorship=" + IntegrationTest.LIMIT,
				"mentoring.sessions.limits.sessions-per-participant=" + IntegrationTest.SESSIONS_LIMIT,
				"mentoring.sessions.resources.max-file-size=" + IntegrationTest.MAX_FILE_SIZE })
@WithPlatformInfrastructure
public abstract class IntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	/** The most goals, check-ins and messages of a pair, answers and attendance records of an event, here. */
	protected static final int LIMIT = 3;

	/** The most sessions holding one participant's time, here: more than any other test books for one. */
	protected static final int SESSIONS_LIMIT = 12;

	/** The largest file the resource library takes here: small, so refusing a larger one costs little. */
	protected static final String MAX_FILE_SIZE = "64KB";

	@LocalServerPort
	protected int port;

	protected ServiceApi api() {
		return new ServiceApi(port);
	}

	/** Which enrolments the service resolves a token's account to, as on every request. */
	@Autowired
	protected AccountEnrolments enrolments;

	protected static TestTokens tokens() {
		return TestTokens.shared();
	}

	/**
	 * Waits until the service knows each participant as an enrolment of her own account (the
	 * enrolment and the pair's start travel on different topics, so either may be applied first).
	 */
	protected void awaitEnrolled(String... participantIds) {
		for (String participantId : participantIds) {
			Awaitility.await("enrolment " + participantId)
				.atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> enrolments.of(TestTokens.accountOf(participantId)).contains(participantId));
		}
	}

	/**
	 * A programme with a mentor (in Ljubljana) and a mentee (in Skopje) whose mentorship began
	 * {@code daysAgo} days ago, once the service has taken it in.
	 */
	protected TestProgramme.Pair startedPair(TestProgramme programme, int daysAgo) {
		String mentor = programme.enrol(Role.MENTOR, "Europe/Ljubljana", "Ana Petrović");
		String mentee = programme.enrol(Role.MENTEE, "Europe/Skopje", "Marko Ilić");
		TestProgramme.Pair pair = programme.start(mentor, mentee, Instant.now().minus(Duration.ofDays(daysAgo)));
		awaitMentorship(pair.mentorshipId(), json -> true);
		awaitEnrolled(mentor, mentee);
		return pair;
	}

	/** Waits until the service has taken in the programme's announcement (its events can be planned). */
	protected TestProgramme known(TestProgramme programme) {
		Awaitility.await("programme " + programme.id)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api().get("/api/v1/programmes/" + programme.id + "/events", programme.coordinatorToken())
				.status() == 200);
		return programme;
	}

	/** Waits until the service shows the mentorship in the expected state. */
	protected void awaitMentorship(String mentorshipId, Predicate<JsonNode> state) {
		String admin = tokens().admin("org-platform");
		Awaitility.await("mentorship " + mentorshipId)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				Reply response = api().get("/api/v1/mentorships/" + mentorshipId, admin);
				return response.status() == 200 && state.test(response.json());
			});
	}

	/** Books an online session in the pair's mentorship; returns the response. */
	protected Reply book(TestProgramme.Pair pair, String token, LocalDateTime start, String zone, int minutes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", start.toString());
		body.put("timeZone", zone);
		body.put("durationMinutes", minutes);
		body.put("mode", "ONLINE");
		return api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", token, body);
	}

	/** Books and expects success; returns the session id. */
	protected String booked(TestProgramme.Pair pair, LocalDateTime start, int minutes) {
		Reply response = book(pair, pair.mentorToken(), start, "Europe/Belgrade", minutes);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** A local date-time in Belgrade, days from today. */
	protected static LocalDateTime inDays(int days, int hour, int minute) {
		return LocalDate.now(TestProgramme.ZONE).plusDays(days).atTime(hour, minute);
	}

	protected static void assertProblem(Reply response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}
