package com.kreativnomentorstvo.participants.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
