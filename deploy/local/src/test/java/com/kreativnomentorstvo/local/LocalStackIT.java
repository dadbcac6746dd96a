package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.get;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * The system test: the whole local stack as separate processes (Apache Kafka, the store, the mail
 * catcher, the authorization server, four services, the gateway), driven from outside through the
 * gateway with tokens from the real authorization server.
 */
@Order(1)
@ExtendWith(RunningStack.Extension.class)
class LocalStackIT {

	@Test
	void enrolmentThroughTheGatewayReachesTheNotificationService() throws Exception {
		String admin = token("admin");
		String participantId = "p-system-test-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", admin, """
				{"id": "%s", "programmeId": "prog-reg-lab-2027", "role": "MENTEE",
				 "displayName": "Mila Test", "email": "%s@example.org", "organisationId": "org-kultura-nova",
				 "country": "HR", "city": "Split", "languages": ["hr", "en"], "preferredLocale": "hr",
				 "goals": [{"code": "digital-tools", "level": 5}], "format": "ONLINE", "timeZone": "Europe/Zagreb",
				 "availability": [{"day": "MONDAY", "from": "18:00", "to": "20:00"}],
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(participantId, participantId));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		assertThat(enrolled.headers().firstValue("X-Request-Id")).isPresent();

		await("the application acknowledged in the notification service's inbox").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(
					send("GET", "/api/v1/notifications?recipientId=" + participantId, admin, null).body())
				.contains("application-received"));
	}

	@Test
	void demoPersonaSeesHerOwnInboxAndHerConfirmationEmailWasSent() throws Exception {
		String jovana = token("mentee.jovana");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> inbox = send("GET", "/api/v1/notifications", jovana, null);
			assertThat(inbox.statusCode()).isEqualTo(200);
			assertThat(inbox.body()).as("her admission, found through her account").contains("admitted");
		});
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(get(RunningStack.MAIL).body()).contains("jovana.nikolic@example.org"));
	}

	@Test
	void theLinksTheStackWritesLeadToItsOwnAddressWhateverItsPorts() throws Exception {
		String jovana = token("mentee.jovana");

		HttpResponse<String> issued = send("POST", "/api/v1/participants/p-demo-mentee-1/calendar-feed", jovana, null);

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String feed = RunningStack.JSON.readTree(issued.body()).path("url").asString();
		assertThat(feed).as("the gateway of this stack, started with a port offset").startsWith(RunningStack.GATEWAY + "/");
		HttpResponse<String> calendar = get(feed);
		assertThat(calendar.statusCode()).isEqualTo(200);
		assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
		// every address of this machine that the e-mails sent so far link to is this stack's (its gateway, its sign-in)
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			List<String> local = new ArrayList<>();
			Matcher links = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1):\\d+")
				.matcher(get(RunningStack.MAIL + "/messages.json").body());
			while (links.find()) {
				local.add(links.group());
			}
			assertThat(local).isNotEmpty()
				.allSatisfy(link -> assertThat(link).isIn(RunningStack.GATEWAY, RunningStack.ISSUER));
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 8081, 8082, 8083, 8084 })
	void everyServiceIsHealthyReadyAndServesItsApiDocument(int basePort) throws Exception {
		String service = "http://localhost:" + (basePort + RunningStack.OFFSET);

		HttpResponse<String> readiness = get(service + "/actuator/health/readiness");
		HttpResponse<String> liveness = get(service + "/actuator/health/liveness");
		HttpResponse<String> apiDocs = get(service + "/v3/api-docs");
		HttpResponse<String> health = get(service + "/actuator/health");

		assertThat(readiness.statusCode()).isEqualTo(200);
		// which parts, and why, only for admins (platform WebDefaultsIT); probes see the status
		assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(liveness.statusCode()).isEqualTo(200);
		// the whole health (store, broker, mail where a service sends it) tells the truth on a healthy stack
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"openapi\"").contains("/api/v1/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "8081 participant-service", "8082 matching-service", "8083 session-service",
			"8084 notification-service", "8090 gateway", "8085 web" })
	void everyServiceAndTheGatewayTellTheirVersionAndCommit(String portAndName) throws Exception {
		String[] service = portAndName.split(" ");
		HttpResponse<String> info = get(
				"http://localhost:" + (Integer.parseInt(service[0]) + RunningStack.OFFSET) + "/actuator/info");

		assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
		JsonNode body = RunningStack.JSON.readTree(info.body());
		assertThat(body.path("build").path("artifact").asString()).isEqualTo(service[1]);
		assertThat(body.path("build").path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(body.path("git").path("commit").path("id").asString()).as(info.body()).matches("[0-9a-f]{7,40}");
	}

	@Test
	void requestsWithoutATokenAreRefusedAtTheGateway() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/programmes", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
	}

}
