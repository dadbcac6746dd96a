package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP client: HTTP/1.1 to the gateway (or a service), never throwing for a failed
 * exchange. A request that got no answer (refused, reset, timed out) is a response with status
 * {@code -1}, as a caller would see it: not acknowledged.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final String base;

	private final Duration timeout;

	Api(String base, Duration timeout) {
		this.base = base;
		this.timeout = timeout;
	}

	/** What came back, and how long it took. */
	record Response(int status, String body, Map<String, java.util.List<String>> headers, long millis, String error) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		/** No answer, or a server-side failure: the request may or may not have been applied. */
		boolean ambiguous() {
			return status < 0 || status >= 500;
		}

		JsonNode json() {
			return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
		}

		Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		@Override
		public String toString() {
			return status + " after " + millis + " ms" + (error != null ? " (" + error + ")" : "")
					+ (body != null && !body.isEmpty() ? ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
							: "");
		}

	}

	Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	Response send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(timeout)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map(),
					(System.nanoTime() - started) / 1_000_000, null);
		}
		catch (IOException ex) {
			return new Response(-1, "", Map.of(), (System.nanoTime() - started) / 1_000_000,
					ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(-1, "", Map.of(), (System.nanoTime() - started) / 1_000_000, "interrupted");
		}
	}

}
