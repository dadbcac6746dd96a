package com.kreativnomentorstvo.sessions.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a client sees it: real requests over loopback with real tokens. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A response: status, headers and body. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response get(String path, String token, String accept) {
		return send("GET", path, token, null, "Accept", accept);
	}

	public Response post(String path, String token, String json) {
		return send("POST", path, token, json);
	}

	public Response patch(String path, String token, String json, String... headers) {
		return send("PATCH", path, token, json, headers);
	}

	public Response put(String path, String token, String json) {
		return send("PUT", path, token, json);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	/** Turns an object into a JSON body. */
	public static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

	public Response send(String method, String path, String token, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
