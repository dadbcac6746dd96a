package com.kreativnomentorstvo.participants.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test over real HTTP, as a client behind the gateway would. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Reply get(String path, String token) {
		return send("GET", path, token, null, null);
	}

	public Reply post(String path, String token, Object body) {
		return send("POST", path, token, body, null);
	}

	public Reply put(String path, String token, Object body, String ifMatch) {
		return send("PUT", path, token, body, ifMatch);
	}

	public Reply patch(String path, String token, Object body, String ifMatch) {
		return send("PATCH", path, token, body, ifMatch);
	}

	public Reply delete(String path, String token) {
		return send("DELETE", path, token, null, null);
	}

	/** A request with a body of another type than JSON, e.g. {@code text/csv}. */
	public Reply sendTyped(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return exchange(request);
	}

	/** Fetches a page as a browser would, in the given language. */
	public Reply page(String path, String acceptLanguage) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("Accept-Language", acceptLanguage);
		return exchange(request);
	}

	/** Submits a page's form as a browser would. */
	public Reply submit(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return exchange(HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Any request; a body that is not a {@code String} is written as JSON. */
	public Reply send(String method, String path, String token, Object body, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String json = body instanceof String text ? text : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return exchange(request);
	}

	private Reply exchange(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
