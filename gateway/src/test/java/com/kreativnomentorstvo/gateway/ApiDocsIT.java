package com.kreativnomentorstvo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents a developer reads: the Swagger UI lists every service's OpenAPI document, each
 * fetched from its service through the gateway with "Try it out" pointed at the gateway, and the
 * AsyncAPI document of the events with every JSON Schema it refers to. All public.
 */
class ApiDocsIT extends GatewayTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void theSwaggerUiListsEveryServicesDocument() {
		HttpResponse<String> response = get("/v3/api-docs/swagger-config").send();

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode urls = JSON.readTree(response.body()).get("urls");
		Set<String> listed = new LinkedHashSet<>();
		urls.forEach(url -> listed.add(url.get("name").asString() + " " + url.get("url").asString()));
		assertThat(listed).containsExactlyInAnyOrder("matching-service /v3/api-docs/matching-service",
				"session-service /v3/api-docs/session-service",
				"notification-service /v3/api-docs/notification-service",
				"participant-service /v3/api-docs/participant-service");
	}

	@Test
	void aServicesDocumentComesFromTheServiceWithTheGatewayAsItsServer() {
		HttpResponse<String> response = get("/v3/api-docs/participant-service").send();

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JSON.readTree(response.body());
		assertThat(document.get("info").get("title").asString()).isEqualTo("participant-service");
		assertThat(document.get("paths").has("/api/v1/participant-service-things")).isTrue();
		assertThat(document.get("servers")).hasSize(1);
		assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(participants.received()).anySatisfy(request -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
	}

	@Test
	void eachServicesDocumentIsReachable() {
		assertThat(get("/v3/api-docs/matching-service").send().body()).contains("\"title\":\"matching-service\"");
		assertThat(get("/v3/api-docs/notification-service").send().body()).contains("\"title\":\"notification-service\"");
	}

	@Test
	void theDocumentOfAServiceThatIsDownIsAServiceUnavailableProblem() {
		HttpResponse<String> response = get("/v3/api-docs/session-service").send();

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"service\":\"session-service\"");
	}

	@Test
	void theSwaggerUiPageIsServed() {
		HttpResponse<String> page = get("/webjars/swagger-ui/index.html").send();
		HttpResponse<String> initializer = get("/webjars/swagger-ui/swagger-initializer.js").send();

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(initializer.statusCode()).isEqualTo(200);
		assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
		assertThat(get("/swagger-ui.html").send().statusCode()).isIn(200, 302);
	}

	@Test
	void theAsyncApiDocumentAndEverySchemaItRefersToAreServed() {
		HttpResponse<String> document = get("/asyncapi.yaml").send();

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/yaml"));
		assertThat(document.body()).startsWith("asyncapi: 3.0.0");
		Matcher references = Pattern.compile("\\$ref: '\\./(schemas/[^']+\\.json)'").matcher(document.body());
		Set<String> schemas = new LinkedHashSet<>();
		while (references.find()) {
			schemas.add(references.group(1));
		}
		assertThat(schemas).hasSizeGreaterThan(10);
		for (String schema : schemas) {
			HttpResponse<String> response = get("/" + schema).send();
			assertThat(response.statusCode()).as(schema).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).has("$schema")).as(schema).isTrue();
		}
	}

	@Test
	void nothingOutsideTheSchemasFolderIsServedFromThere() throws IOException {
		assertThat(statusOfRawRequest("/schemas/../application.yml")).isNotEqualTo(200);
		assertThat(statusOfRawRequest("/schemas/%2e%2e/application.yml")).isNotEqualTo(200);
	}

	/**
	 * The status of a request sent as written, on its own connection: the server refuses such paths
	 * before routing and may close the connection, which a pooled HTTP client would wait out.
	 */
	private int statusOfRawRequest(String path) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
			assertThat(statusLine).as("status line for " + path).startsWith("HTTP/1.1 ");
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

}
