package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.kreativnomentorstvo.testkit.TestTokens;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway in front of a real HTTP service and of one that is down: tokens are checked before
 * anything is forwarded, request ids travel both ways, and a missing service is a 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

	private static final AtomicReference<String> requestIdSeenDownstream = new AtomicReference<>();

	private static final HttpServer participants = participantService();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.shared().issuer());
		registry.add("PARTICIPANT_SERVICE_URL", () -> "http://127.0.0.1:" + participants.getAddress().getPort());
		registry.add("SESSION_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stopDownstream() {
		participants.stop(0);
	}

	@Test
	void requestWithoutATokenNeverReachesTheService() throws Exception {
		requestIdSeenDownstream.set(null);

		HttpResponse<String> response = get("/api/v1/programmes", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(requestIdSeenDownstream.get()).isNull();
	}

	@Test
	void authenticatedRequestIsForwardedWithItsRequestId() throws Exception {
		HttpResponse<String> response = get("/api/v1/programmes", TestTokens.shared().coordinator("org-a"),
				"req-42");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[]");
		assertThat(requestIdSeenDownstream.get()).isEqualTo("req-42");
		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("req-42");
	}

	@Test
	void requestWithoutAnIdGetsOne() throws Exception {
		HttpResponse<String> response = get("/api/v1/programmes", TestTokens.shared().coordinator("org-a"), null);

		assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
		assertThat(requestIdSeenDownstream.get()).isEqualTo(response.headers().firstValue("X-Request-Id").get());
	}

	@Test
	void serviceThatIsDownIsAServiceUnavailableProblemNamingIt() throws Exception {
		HttpResponse<String> response = get("/api/v1/sessions/s-1", TestTokens.shared().coordinator("org-a"), null);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"service\":\"session-service\"");
	}

	private HttpResponse<String> get(String path, String token, String requestId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpServer participantService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/v1/programmes", exchange -> {
				requestIdSeenDownstream.set(exchange.getRequestHeaders().getFirst("X-Request-Id"));
				byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				// services echo the request id too; the caller must still see it once
				exchange.getResponseHeaders().add("X-Request-Id", requestIdSeenDownstream.get());
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
