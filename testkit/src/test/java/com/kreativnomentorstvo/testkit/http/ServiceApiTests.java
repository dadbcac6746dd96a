package com.kreativnomentorstvo.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The one HTTP client of the tests, against a real HTTP server that records what it received. */
class ServiceApiTests {

	record Received(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(h -> h.getKey().equalsIgnoreCase(name))
				.map(h -> h.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private ServiceApi api;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.start();
		api = new ServiceApi(server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void aRequestCarriesTheBearerTokenAndAnObjectBodyAsJson() {
		Reply reply = api.post("/api/v1/things", "token-1", Map.of("name", "Ana"));

		Received request = received.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v1/things");
		assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo("{\"name\":\"Ana\"}");
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.text("echo")).isEqualTo("POST");
		assertThat(reply.etag()).isEqualTo("\"3\"");
	}

	@Test
	void aChangeCarriesIfMatchOnlyWhenGivenAndAStringBodyAsItIs() {
		api.patch("/api/v1/things/1", "t", "{\"name\":\"Marko\"}", "\"2\"");
		api.patch("/api/v1/things/1", "t", "{}");

		assertThat(received.get(0).header("If-Match")).isEqualTo("\"2\"");
		assertThat(received.get(0).body()).isEqualTo("{\"name\":\"Marko\"}");
		assertThat(received.get(1).header("If-Match")).isNull();
	}

	@Test
	void aRequestWithoutABodyOrTokenSendsNeither() {
		api.get("/api/v1/calls", null);

		assertThat(received.get(0).header("Authorization")).isNull();
		assertThat(received.get(0).header("Content-Type")).isNull();
		assertThat(received.get(0).body()).isEmpty();
	}

	@Test
	void aProblemIsReadWithItsTypeAndFields() {
		Reply reply = api.get("/problem", "t");

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.problemType()).isEqualTo("urn:mentoring:problem:invalid-fields");
		assertThat(reply.problemFields()).containsExactly("name", "email");
		assertThat(reply.header("content-type")).as("any letter case").startsWith("application/problem+json");
	}

	@Test
	void aFormIsSentUrlEncoded() {
		api.postForm("/unsubscribe", Map.of("List-Unsubscribe", "One-Click"));

		assertThat(received.get(0).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(received.get(0).body()).isEqualTo("List-Unsubscribe=One-Click");
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				Map.copyOf(exchange.getRequestHeaders()), body));
		String answer;
		int status;
		if (exchange.getRequestURI().getPath().equals("/problem")) {
			status = 422;
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			answer = "{\"type\":\"urn:mentoring:problem:invalid-fields\",\"errors\":[{\"field\":\"name\"},{\"field\":\"email\"}]}";
		}
		else {
			status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("ETag", "\"3\"");
			answer = "{\"echo\":\"" + exchange.getRequestMethod() + "\"}";
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
