package com.kreativnomentorstvo.matching.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the service under test, speaking JSON with bearer tokens. */
final class Api {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A response: status, content type and parsed body (null when empty). */
	record Response(int status, String contentType, JsonNode body) {

		JsonNode get(String field) {
			return body.get(field);
		}

		String text(String field) {
			JsonNode node = body.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

	Response get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
	}

	/** The body of an anonymous GET as text, e.g. {@code /actuator/prometheus}. */
	String text(String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response post(String path, String token, Object body) {
		String json = body == null ? "" : body instanceof String text ? text : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), token);
	}

	private Response send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					body == null || body.isBlank() ? null : JSON.readTree(body));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
