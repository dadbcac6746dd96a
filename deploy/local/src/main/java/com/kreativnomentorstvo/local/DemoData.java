package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo programme through the gateway, as an administrator would: the four partner
 * organisations and their coordinators, the Reg. Lab programme and its mentors and mentees,
 * admitted (each finds the demo persona's account by her address). Does nothing if the demo
 * organiser already exists.
 */
final class DemoData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	private final String issuer;

	DemoData(String gateway, String issuer) {
		this.gateway = gateway;
		this.issuer = issuer;
	}

	/** @return whether data was loaded (false if it was there already) */
	boolean load() throws IOException, InterruptedException {
		String token = token("admin", "demo");
		if (send("GET", "/api/v1/organisations/org-creative-mentorship", null, token).statusCode() == 200) {
			return false;
		}
		for (JsonNode organisation : resource("organisations.json")) {
			expectCreated(send("POST", "/api/v1/organisations", organisation.toString(), token), organisation);
		}
		// the demo coordinators (their personas' accounts, found by address): told of new applications
		for (JsonNode coordinator : resource("coordinators.json")) {
			String organisation = coordinator.get("organisationId").asString();
			ObjectNode body = ((ObjectNode) coordinator.deepCopy());
			body.remove("organisationId");
			HttpResponse<String> appointed = send("POST", "/api/v1/organisations/" + organisation + "/coordinators",
					body.toString(), token);
			if (appointed.statusCode() / 100 != 2) {
				throw new IllegalStateException("appointing the coordinator of " + organisation + " failed: "
						+ appointed.statusCode() + " " + appointed.body());
			}
		}
		JsonNode programme = resource("programme.json");
		expectCreated(send("POST", "/api/v1/programmes", programme.toString(), token), programme);
		for (JsonNode participant : resource("participants.json")) {
			expectCreated(send("POST", "/api/v1/participants", participant.toString(), token), participant);
			String id = participant.get("id").asString();
			HttpResponse<String> accepted = send("POST", "/api/v1/participants/" + id + "/accept", "{}", token);
			if (accepted.statusCode() / 100 != 2) {
				throw new IllegalStateException("accepting " + id + " failed: " + accepted.statusCode() + " "
						+ accepted.body());
			}
		}
		return true;
	}

	/** A token for a persona, from the authorization server's client-credentials grant. */
	String token(String persona, String password) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((persona + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("no token for " + persona + ": " + response.statusCode());
		}
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> send(String method, String path, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expectCreated(HttpResponse<String> response, JsonNode what) {
		if (response.statusCode() != 201) {
			throw new IllegalStateException("loading " + what.get("id") + " failed: " + response.statusCode() + " "
					+ response.body());
		}
	}

	private static JsonNode resource(String name) throws IOException {
		try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
			return JSON.readTree(in);
		}
	}

}
