package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * What callers see when a service misbehaves: a service that stops answering is a 503 problem
 * within its route's timeout; one that keeps failing gets its circuit opened and is left alone;
 * a GET that met a briefly unavailable service is retried, a POST never is.
 */
class ResilienceIT extends GatewayTest {

	@Test
	void aServiceThatDoesNotAnswerIsAServiceUnavailableProblemWithinItsTimeout() {
		Instant sent = Instant.now();

		HttpResponse<String> response = get("/api/v1/slow/things").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		Duration took = Duration.between(sent, Instant.now());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"slow-service\"").contains("\"reason\":\"timeout\"");
		// the service would answer only after 30 s; the gateway gave up at its 1 s timeout
		assertThat(took).isGreaterThanOrEqualTo(SLOW_SERVICE_TIMEOUT).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aServiceThatAnswersWithinItsOwnTimeoutIsWaitedFor() {
		// its route allows 4 s: the circuit breaker's time limit follows the route, not the library's default of 1 s
		HttpResponse<String> response = get("/api/v1/delayed/things")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"late\":true");
	}

	@Test
	void aServiceThatKeepsFailingHasItsCircuitOpenedAndIsNoLongerCalled() {
		String token = TestTokens.shared().admin(anOrganisation());
		for (int i = 0; i < 6; i++) {
			assertThat(call("POST", "/api/v1/failing/things").token(token).json("{}").send().statusCode()).isEqualTo(503);
		}
		int callsSoFar = failing.received().size();

		HttpResponse<String> response = call("POST", "/api/v1/failing/things").token(token).json("{}").send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"failing-service\"").contains("\"reason\":\"circuit-open\"");
		// the library's defaults would wait for 100 calls before judging; this circuit opened after 5, and
		// callers are told to come back when its open state (5 minutes in this test) ends
		assertThat(response.headers().firstValue("Retry-After")).hasValue("300");
		assertThat(failing.received()).hasSize(callsSoFar);
	}

	@Test
	void aGetIsRetriedWhenTheServiceIsBrieflyUnavailable() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/flaky/things").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"attempt\":2");
		assertThat(flaky.receivedWithRequestId(requestId)).hasSize(2);
	}

	@Test
	void aServiceUnavailableAnswerOfTheServiceItselfIsPassedOnWithoutARetry() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/flaky/unavailable/things")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(flaky.receivedWithRequestId(requestId)).hasSize(1);
	}

	@Test
	void aPostIsNeverRetried() {
		String requestId = aRequestId();

		HttpResponse<String> response = call("POST", "/api/v1/flaky/things")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.json("{\"name\":\"once\"}")
			.send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"flaky-service\"");
		assertThat(flaky.receivedWithRequestId(requestId)).singleElement()
			.satisfies(request -> assertThat(new String(request.body())).isEqualTo("{\"name\":\"once\"}"));
	}

	@Test
	void aRefusedConnectionIsAServiceUnavailableProblemNamingTheService() {
		HttpResponse<String> response = get("/api/v1/mentorships").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"session-service\"")
			.containsAnyOf("\"reason\":\"unreachable\"", "\"reason\":\"circuit-open\"");
	}

	@Test
	void aStreamStaysOpenLongerThanTheServicesTimeoutWhileItsOtherCallsAreCutOff() {
		String token = TestTokens.shared().coordinator(anOrganisation());

		HttpResponse<String> stream = get("/api/v1/streaming/stream").token(token).send();
		HttpResponse<String> call = get("/api/v1/streaming/things").token(token).send();

		assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
		assertThat(stream.body()).contains("\"late\":true");
		assertThat(call.statusCode()).isEqualTo(503);
		assertThat(call.body()).contains("\"service\":\"streaming-service\"").contains("\"reason\":\"timeout\"");
	}

}
