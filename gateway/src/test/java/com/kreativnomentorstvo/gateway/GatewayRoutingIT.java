package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.testkit.TestTokens;

/**
 * The gateway in front of real HTTP services and one that is down: tokens are checked before
 * anything is forwarded, each path reaches the service that owns it, request ids travel both ways,
 * a missing service is a 503 problem naming it, and admins can read the route table.
 */
class GatewayRoutingIT extends GatewayTest {

	@Test
	void requestWithoutATokenNeverReachesTheService() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/programmes").header("X-Request-Id", requestId).send();

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
	}

	@Test
	void authenticatedRequestIsForwardedWithItsRequestId() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/programmes").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"service\":\"participant-service\"");
		assertThat(participants.receivedWithRequestId(requestId)).hasSize(1);
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
	}

	@Test
	void requestWithoutAnIdGetsOne() {
		HttpResponse<String> response = get("/api/v1/organisations").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).isNotBlank();
		assertThat(participants.receivedWithRequestId(requestId)).hasSize(1);
	}

	@Test
	void aRequestIdThatCouldForgeLogLinesIsReplaced() {
		HttpResponse<String> response = get("/api/v1/organisations").token(TestTokens.shared().coordinator(anOrganisation()))
			.header("X-Request-Id", "abc def\"}")
			.send();

		assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				id -> assertThat(id).isNotEqualTo("abc def\"}").matches("[A-Za-z0-9._:-]+"));
	}

	@Test
	void answersTheGatewayGivesItselfCarryTheRequestIdToo() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/api/v1/programmes").header("X-Request-Id", requestId).send();

		assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
		assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
	}

	@Test
	void serviceThatIsDownIsAServiceUnavailableProblemNamingIt() {
		HttpResponse<String> response = get("/api/v1/sessions/s-1").token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"service\":\"session-service\"")
			.contains("\"type\":\"urn:mentoring:problem:service-unavailable\"");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void theOtherServicesKeepWorkingWhileOneIsDown() {
		String token = TestTokens.shared().coordinator(anOrganisation());
		assertThat(get("/api/v1/sessions/s-2").token(token).send().statusCode()).isEqualTo(503);

		assertThat(get("/api/v1/programmes/p-1").token(token).send().statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/matches/m-1").token(token).send().statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/notifications").token(token).send().statusCode()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1} goes to {2}")
	@CsvSource({ "GET, /api/v1/organisations, participant-service",
			"POST, /api/v1/programmes, participant-service",
			"GET, /api/v1/programmes/p-1/milestones, participant-service",
			"GET, /api/v1/participants/p-1/export, participant-service",
			"GET, /api/v1/participants/p-1/certificates/prog-1, participant-service",
			"GET, /api/v1/certificates/K7QM-3XPD-9WAB, participant-service",
			"GET, /api/v1/programmes/p-1/matching-runs, matching-service",
			"POST, /api/v1/programmes/p-1/matches, matching-service",
			"POST, /api/v1/matches/m-1/accept, matching-service",
			"GET, /api/v1/participants/p-1/recommendations, matching-service",
			"POST, /api/v1/participants/p-1/match-requests, matching-service",
			"GET, /api/v1/notifications/n-1, notification-service",
			"GET, /api/v1/webhooks/event-types, notification-service",
			"POST, /api/v1/programmes/p-1/announcements, notification-service",
			"PUT, /api/v1/participants/p-1/notification-preferences, notification-service" })
	void eachPathReachesTheServiceThatOwnsIt(String method, String path, String service) {
		HttpResponse<String> response = call(method, path).token(TestTokens.shared().admin(anOrganisation()))
			.json("{}")
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"service\":\"" + service + "\"").contains("\"path\":\"" + path + "\"");
	}

	@ParameterizedTest(name = "{0} {1} goes to the web application")
	@CsvSource({ "GET, /", "GET, /matches/m-1", "POST, /matches/m-1/accept", "GET, /css/app.css",
			"GET, /oauth2/authorization/mentoring-web", "GET, /login/oauth2/code/mentoring-web", "POST, /logout" })
	void everyOtherPathIsAPageOfTheWebApplicationWhichChecksItsOwnSession(String method, String path) {
		HttpResponse<String> response = call(method, path).send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"service\":\"web\"").contains("\"path\":\"" + path + "\"");
	}

	@ParameterizedTest(name = "{0} is not a page")
	@CsvSource({ "/api/v1/nothing-here", "/actuator/gateway/routes", "/v3/api-docs/nothing", "/asyncapi.yaml",
			"/unavailable/web" })
	void theApiTheDocumentsAndTheActuatorNeverReachTheWebApplication(String path) {
		String requestId = aRequestId();

		get(path).header("X-Request-Id", requestId).send();

		assertThat(web.receivedWithRequestId(requestId)).isEmpty();
	}

	@ParameterizedTest(name = "{0} goes to session-service")
	@CsvSource({ "/api/v1/mentorships/m-1/sessions", "/api/v1/mentorships/m-1/messages",
			"/api/v1/programmes/p-1/events/e-1",
			"/api/v1/programmes/p-1/progress", "/api/v1/programmes/p-1/progress.csv",
			"/api/v1/programmes/p-1/funder-report", "/api/v1/programmes/p-1/funder-report.csv",
			"/api/v1/funder-report", "/api/v1/funder-report.csv", "/api/v1/participants/p-1/calendar-feed",
			"/api/v1/programmes/p-1/resources", "/api/v1/resources", "/api/v1/resources/r-1/file",
			"/api/v1/mentorships/m-1/resources",
			"/api/v1/programmes/p-1/surveys", "/api/v1/programmes/p-1/surveys/s-1/results",
			"/api/v1/participants/p-1/surveys", "/api/v1/survey-requests/r-1/answers" })
	void sessionPathsReachTheSessionServiceThatIsDown(String path) {
		HttpResponse<String> response = get(path).token(TestTokens.shared().admin(anOrganisation())).send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"session-service\"");
	}

	@Test
	void aPathNoServiceOwnsIsNotFound() {
		HttpResponse<String> response = get("/api/v1/nothing-here").token(TestTokens.shared().admin(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"type\":\"urn:mentoring:problem:not-found\"");
	}

	@Test
	void pathsOutsideTheApiAreTheWebApplicationsAndNeverReachAService() {
		String requestId = aRequestId();

		HttpResponse<String> response = get("/internal/anything").token(TestTokens.shared().admin(anOrganisation()))
			.header("X-Request-Id", requestId)
			.send();

		assertThat(response.body()).contains("\"service\":\"web\"");
		assertThat(participants.receivedWithRequestId(requestId)).isEmpty();
		assertThat(matching.receivedWithRequestId(requestId)).isEmpty();
		assertThat(notifications.receivedWithRequestId(requestId)).isEmpty();
	}

	@Test
	void theFallbackCannotBeCalledDirectly() {
		HttpResponse<String> response = get("/unavailable/participant-service")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void adminsCanReadTheRouteTable() {
		HttpResponse<String> response = management("GET", "/actuator/gateway/routes")
			.token(TestTokens.shared().admin(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"route_id\":\"participant-service\"")
			.contains("\"route_id\":\"matching-service\"")
			.contains("\"route_id\":\"session-service\"")
			.contains("\"route_id\":\"notification-service\"")
			.contains("\"route_id\":\"participant-service-api-docs\"")
			.contains("/api/v1/participants/*/calendar.ics");
	}

	@Test
	void onlyAdminsCanReadTheRouteTable() {
		assertThat(management("GET", "/actuator/gateway/routes").send().statusCode()).isEqualTo(401);
		HttpResponse<String> coordinator = management("GET", "/actuator/gateway/routes")
			.token(TestTokens.shared().coordinator(anOrganisation()))
			.send();
		assertThat(coordinator.statusCode()).isEqualTo(403);
		assertThat(coordinator.body()).contains("\"type\":\"urn:mentoring:problem:forbidden\"");
	}

	@Test
	void theRouteTableCannotBeChangedAtRunTime() {
		HttpResponse<String> response = management("POST", "/actuator/gateway/refresh")
			.token(TestTokens.shared().admin(anOrganisation()))
			.send();

		assertThat(response.statusCode()).isIn(404, 405);
	}

	@Test
	void theActuatorIsNotOnTheApiPort() {
		String admin = TestTokens.shared().admin(anOrganisation());

		assertThat(get("/actuator/gateway/routes").token(admin).send().statusCode()).isEqualTo(404);
		assertThat(get("/actuator/health/liveness").send().statusCode()).isEqualTo(404);
		assertThat(management("GET", "/actuator/health/liveness").send().statusCode()).isEqualTo(200);
	}

}
