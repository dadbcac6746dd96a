package com.kreativnomentorstvo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system test: the local stack as separate processes (Apache Kafka, the store, the mail
 * catcher, the authorization server, four services, the gateway), driven from outside through the
 * gateway with tokens from the real authorization server. Runs on ports shifted by 10000 so a
 * developer's own stack can keep running.
 */
class LocalStackIT {

	private static final int OFFSET = 10000;

	private static final String GATEWAY = "http://localhost:" + (8080 + OFFSET);

	private static final String ISSUER = "http://localhost:" + (9000 + OFFSET);

	private static final String MAIL = "http://localhost:" + (8025 + OFFSET);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static Process launcher;

	private static final List<ProcessHandle> parts = new ArrayList<>();

	@BeforeAll
	static void startTheStack() throws Exception {
		Path root = Path.of(System.getProperty("mentoring.root", "../..")).toAbsolutePath().normalize();
		Path module = root.resolve("deploy/local");
		Path data = module.resolve("target/system-test");
		Path output = module.resolve("target/system-test-launcher.log");
		Files.createDirectories(data);
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-Dmentoring.root=" + root, "-cp",
				module.resolve("target/classes") + java.io.File.pathSeparator + module.resolve("target/lib") + "/*",
				LocalStack.class.getName(), "--reset", "--data-dir", data.toString(), "--port-offset",
				Integer.toString(OFFSET))
			.directory(root.toFile())
			.redirectErrorStream(true);
		List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_HOST", "SMTP_PORT", "ISSUER_URI",
				"MENTORING_PORT_OFFSET").forEach(builder.environment()::remove);
		Instant started = Instant.now();
		launcher = builder.start();
		CountDownLatch ready = new CountDownLatch(1);
		Thread pump = new Thread(() -> copyOutput(output, ready), "launcher-output");
		pump.setDaemon(true);
		pump.start();
		Instant deadline = started.plus(Duration.ofSeconds(300));
		while (!ready.await(1, TimeUnit.SECONDS) && launcher.isAlive() && Instant.now().isBefore(deadline)) {
			// waiting for the launcher's ready line, or for it to give up
		}
		assertThat(ready.getCount()).as("the stack reports it is up; launcher output in " + output).isZero();
		System.out.printf("System test: stack healthy and demo data loaded %d s after launch%n",
				Duration.between(started, Instant.now()).toSeconds());
		launcher.descendants().forEach(parts::add);
	}

	@AfterAll
	static void stopTheStack() throws InterruptedException {
		if (launcher == null) {
			return;
		}
		launcher.destroy(); // SIGTERM, as Ctrl-C: the launcher stops its parts
		boolean exited = launcher.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			launcher.destroyForcibly();
		}
		assertThat(exited).as("launcher stops on SIGTERM").isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> parts.stream().noneMatch(ProcessHandle::isAlive));
	}

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

		await("the enrolment confirmed in the notification service's inbox").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(
					send("GET", "/api/v1/notifications?recipientId=" + participantId, admin, null).body())
				.contains("enrolment-confirmed"));
	}

	@Test
	void demoPersonaSeesHerOwnInboxAndHerConfirmationEmailWasSent() throws Exception {
		String jovana = token("mentee.jovana");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> inbox = send("GET", "/api/v1/notifications", jovana, null);
			assertThat(inbox.statusCode()).isEqualTo(200);
			assertThat(inbox.body()).contains("enrolment-confirmed");
		});
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(get(MAIL).body()).contains("jovana.nikolic@example.org"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 8081, 8082, 8083, 8084 })
	void everyServiceIsReadyAndServesItsApiDocument(int basePort) throws Exception {
		String service = "http://localhost:" + (basePort + OFFSET);

		HttpResponse<String> readiness = get(service + "/actuator/health/readiness");
		HttpResponse<String> liveness = get(service + "/actuator/health/liveness");
		HttpResponse<String> apiDocs = get(service + "/v3/api-docs");

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"mongoPing\"").contains("\"kafka\"");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"openapi\"").contains("/api/v1/");
	}

	@Test
	void requestsWithoutATokenAreRefusedAtTheGateway() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/programmes", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(String persona) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((persona + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private static HttpResponse<String> send(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void copyOutput(Path file, CountDownLatch ready) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(file), true)) {
			String line;
			while ((line = in.readLine()) != null) {
				out.println(line);
				System.out.println("[launcher] " + line);
				if (line.startsWith(LocalStack.READY)) {
					ready.countDown();
				}
			}
		}
		catch (IOException ex) {
			// the launcher's output ended
		}
	}

}
