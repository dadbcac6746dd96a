package com.kreativnomentorstvo.notifications.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a client sees it, with bearer tokens. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** An answer: status, headers and the body as JSON (a missing node when it is not JSON). */
	public record Response(int status, HttpHeaders headers, String text, JsonNode json) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

	}

	public Response get(String path, String token) {
		return send(request(path, token).GET(), Map.of());
	}

	public Response post(String path, String token, Object body) {
		return send(request(path, token).POST(publisher(body)).header("Content-Type", "application/json"), Map.of());
	}

	public Response put(String path, String token, Object body, Map<String, String> headers) {
		return send(request(path, token).PUT(publisher(body)).header("Content-Type", "application/json"), headers);
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE(), Map.of());
	}

	/** A form post without a token (the unsubscribe link). */
	public Response postForm(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), Map.of());
	}

	public String url(String path) {
		return base + path;
	}

	public HttpClient client() {
		return http;
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher publisher(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body));
	}

	private Response send(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json;
			try {
				json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				json = JSON.missingNode();
			}
			return new Response(response.statusCode(), response.headers(), response.body(), json);
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
