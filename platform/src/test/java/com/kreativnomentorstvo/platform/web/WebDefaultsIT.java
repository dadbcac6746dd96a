package com.kreativnomentorstvo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class WebDefaultsIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			{"id":"o1","name":"N","country":"Serbia"}        | 400 | country
			{"id":"o1","name":"N"}                           | 400 | country
			{"id":"o1","name":"N","country":"RS","admin":1}  | 400 | admin
			{"id":"o1","name":["N"],"country":"RS"}          | 400 | name
			{"id":"same","name":"SAME","country":"RS"}       | 422 | name
			{"id":"o2","name":"N","country":"RS","since":"2026-13-45"} | 400 | since
			{"id":"o3","name":"N","country":"RS","staff":"2"}  | 400 | staff
			{"id":"o3","name":"N","country":"RS","staff":1.5}  | 400 | staff
			{"id":"o3","name":5,"country":"RS"}                | 400 | name
			{"id":"o3","name":"N","country":"RS","active":"yes"} | 400 | active
			""")
	void badInputIsAProblemNamingTheField(String body, int status, String field) throws Exception {
		HttpResponse<String> response = post(body, TestTokens.shared().coordinator("org-a"), null);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"field\":\"" + field + "\"").contains("\"requestId\"");
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		HttpResponse<String> response = post("{\"id\":", TestTokens.shared().coordinator("org-a"), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("urn:mentoring:problem:");
	}

	@Test
	void requestIdIsPassedThroughAndReturned() throws Exception {
		String id = "org-" + UUID.randomUUID();
		HttpResponse<String> response = post("{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted(id),
				TestTokens.shared().coordinator("org-a"), "req-from-gateway-1");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue("req-from-gateway-1");
		assertThat(response.body()).as("absent values are left out").contains("\"registeredBy\"").doesNotContain("since");
	}

	@Test
	void eachApiRequestLeavesOneAccessLineWithoutItsQuery(CapturedOutput output) throws Exception {
		String id = "org-" + UUID.randomUUID();
		HttpResponse<String> response = get("/api/v1/test-organisations/" + id + "?q=private-search-term",
				TestTokens.shared().coordinator("org-a"));

		assertThat(response.statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut()).contains("GET /api/v1/test-organisations/" + id + " 404 in "));
		assertThat(output.getOut()).doesNotContain("private-search-term");
	}

	@Test
	void traceOfTheRequestTravelsWithTheEventsItCaused() throws Exception {
		String id = "org-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/test-organisations"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.shared().coordinator("org-a"))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header(RequestIds.HEADER, "req-" + id)
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted(id)))
			.build();

		assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

		ConsumerRecord<String, byte[]> event = EventRecords.await(Topics.PARTICIPANTS,
				EventRecords.event(EventType.ORGANISATION_REGISTERED.typeName(), id));
		assertThat(EventRecords.header(event, "ce_traceparent")).startsWith("00-" + traceId + "-");
		assertThat(EventRecords.header(event, "ce_requestid")).isEqualTo("req-" + id);
	}

	@Test
	void prometheusEndpointExposesTheMessagingMetrics() throws Exception {
		String id = "org-" + UUID.randomUUID();
		assertThat(post("{\"id\":\"%s\",\"name\":\"N\",\"country\":\"RS\"}".formatted(id),
				TestTokens.shared().coordinator("org-a"), null).statusCode()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = get("/actuator/prometheus", null).body();
			assertThat(metrics).contains("mentoring_outbox_published_total")
				.contains("mentoring_outbox_pending")
				.contains("mentoring_events_consumed_total")
				.contains("kafka_consumer_fetch_manager_records_lag_max")
				.contains("http_server_requests_seconds");
		});
	}

	@Test
	void missingResourceIsANotFoundProblem() throws Exception {
		HttpResponse<String> response = get("/api/v1/test-organisations/nope", TestTokens.shared().coordinator("org-a"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("urn:mentoring:problem:not-found");
		assertThat(response.headers().firstValue(RequestIds.HEADER)).isPresent();
	}

	@Test
	void unknownPathIsANotFoundProblem() throws Exception {
		HttpResponse<String> response = get("/api/v1/no-such-thing", TestTokens.shared().coordinator("org-a"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("urn:mentoring:problem:not-found").doesNotContain("static");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "none", "expired", "foreign-issuer", "wrong-audience", "forged", "alg-none", "hs256-confusion" })
	void requestsWithoutAValidTokenAreUnauthorised(String kind) throws Exception {
		TestTokens tokens = TestTokens.shared();
		String token = switch (kind) {
			case "none" -> null;
			case "expired" -> tokens.token().roles("admin").expiresAt(java.time.Instant.now().minusSeconds(600)).sign();
			case "foreign-issuer" -> tokens.token().roles("admin").issuer("https://elsewhere.example.org").sign();
			case "wrong-audience" -> tokens.token().roles("admin").audience("another-api").sign();
			case "forged" -> tokens.token().roles("admin").forge();
			case "alg-none" -> tokens.token().roles("admin").unsigned();
			case "hs256-confusion" -> tokens.token().roles("admin").hmacWithPublicKey();
			default -> throw new IllegalArgumentException(kind);
		};

		HttpResponse<String> response = get("/api/v1/test-organisations/any", token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).startsWith("Bearer"));
		assertThat(response.body()).contains("urn:mentoring:problem:unauthenticated");
	}

	@Test
	void healthAndApiDocsAreOpenButOperationalEndpointsAreForAdmins() throws Exception {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/v3/api-docs", null).body()).contains("/api/v1/test-organisations");
		assertThat(get("/actuator/deadletters", TestTokens.shared().coordinator("org-a")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/deadletters", TestTokens.shared().admin("org-a")).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenUsedAgainIsRecognisedWithoutAnotherSignatureCheckButATamperedOneIsNot(
			@Autowired JwtDecoder decoder) throws Exception {
		String token = TestTokens.shared().coordinator("org-a");
		assertThat(get("/api/v1/test-organisations/nope", token).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/test-organisations/nope", token).statusCode()).isEqualTo(404);
		String tampered = token.substring(0, token.length() - 4)
				+ (token.endsWith("AAAA") ? "BBBB" : "AAAA");

		assertThat(get("/api/v1/test-organisations/nope", tampered).statusCode()).isEqualTo(401);
		assertThat(decoder.getClass().getSimpleName()).isEqualTo("RememberingJwtDecoder");
	}

	@Test
	void theApiDocumentDoesNotAskForTheCallerTheTokenProvides() throws Exception {
		String document = get("/v3/api-docs", null).body();

		assertThat(document).contains("/api/v1/test-organisations").doesNotContain("\"caller\"");
	}

	@Test
	void readinessNeedsTheStoreButNotTheBroker() throws Exception {
		HttpResponse<String> response = get("/actuator/health/readiness", TestTokens.shared().admin("org-a"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"mongoPing\"").doesNotContain("\"kafka\"");
	}

	@Test
	void livenessNeedsTheConsumersRunningButNeitherTheStoreNorTheBroker() throws Exception {
		HttpResponse<String> response = get("/actuator/health/liveness", TestTokens.shared().admin("org-a"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"consumers\"").doesNotContain("\"mongoPing\"")
			.doesNotContain("\"kafka\"");
	}

	@Test
	void healthIsUpAndShowsItsPartsToAdminsOnly() throws Exception {
		HttpResponse<String> admin = get("/actuator/health", TestTokens.shared().admin("org-a"));
		HttpResponse<String> coordinator = get("/actuator/health", TestTokens.shared().coordinator("org-a"));
		HttpResponse<String> anonymous = get("/actuator/health", null);

		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("\"mongoPing\"").contains("\"kafka\"").doesNotContain("DOWN");
		for (HttpResponse<String> response : List.of(coordinator, anonymous)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components")
				.doesNotContain("mongoPing");
		}
		assertThat(get("/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> post(String body, String token, String requestId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/test-organisations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (requestId != null) {
			request.header(RequestIds.HEADER, requestId);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
