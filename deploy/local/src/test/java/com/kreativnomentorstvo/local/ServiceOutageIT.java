package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.get;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One service hangs (its process is frozen with SIGSTOP: it accepts connections and never answers,
 * the worst case for its callers). Its routes answer a problem+json 503 naming it within the
 * gateway's timeout for it, while the other services' routes keep answering. Afterwards the
 * process is resumed and the stack carries on.
 */
@Order(4)
@ExtendWith(RunningStack.Extension.class)
class ServiceOutageIT {

	private static ProcessHandle sessionService;

	@BeforeAll
	static void freezeSessionService(RunningStack stack) throws Exception {
		sessionService = stack.process("session-service");
		signal("STOP", sessionService);
	}

	@AfterAll
	static void resumeSessionService() throws Exception {
		signal("CONT", sessionService);
		String readiness = "http://localhost:" + (8083 + RunningStack.OFFSET) + "/actuator/health/readiness";
		await("session-service answers again").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> get(readiness).statusCode() == 200);
	}

	@Test
	void theHungServicesRoutesAnswerAProblemWithinTheTimeoutWhileTheOthersWork() throws Exception {
		String coordinator = token("coordinator.rs");
		Instant sent = Instant.now();

		HttpResponse<String> mentorships = send("GET", "/api/v1/mentorships", coordinator, null);

		Duration took = Duration.between(sent, Instant.now());
		System.out.printf("Hung session-service: 503 after %d ms (timeout %d s)%n", took.toMillis(),
				RunningStack.SESSION_SERVICE_TIMEOUT.toSeconds());
		assertThat(mentorships.statusCode()).isEqualTo(503);
		assertThat(mentorships.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(mentorships.body()).contains("\"service\":\"session-service\"");
		assertThat(took).isGreaterThanOrEqualTo(RunningStack.SESSION_SERVICE_TIMEOUT.minusMillis(100))
			.isLessThan(RunningStack.SESSION_SERVICE_TIMEOUT.plusSeconds(3));

		for (String path : List.of("/api/v1/programmes", "/api/v1/participants?programmeId=prog-reg-lab-2027",
				"/api/v1/programmes/prog-reg-lab-2027/matches", "/api/v1/webhooks")) {
			Instant asked = Instant.now();
			HttpResponse<String> other = send("GET", path, coordinator, null);
			assertThat(other.statusCode()).as(path + ": " + other.body()).isEqualTo(200);
			assertThat(Duration.between(asked, Instant.now())).as(path).isLessThan(Duration.ofSeconds(2));
		}
	}

	private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -" + signal).isZero();
	}

}
