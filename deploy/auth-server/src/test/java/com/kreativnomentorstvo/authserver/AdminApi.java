package com.kreativnomentorstvo.authserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The admin API as participant-service calls it: with a token of the platform's accounts client and the
 * {@code accounts} scope, fetched once.
 */
public final class AdminApi {

	public static final String CLIENT_ID = "participant-service";

	public static final String CLIENT_SECRET = "local-development-only-accounts-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private String token;

	public AdminApi(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public String token() throws Exception {
		if (token == null) {
			token = TokenRequests.accessToken(
					TokenRequests.clientCredentials(baseUrl, CLIENT_ID, CLIENT_SECRET, Map.of("scope", "accounts")));
		}
		return token;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send("GET", path, null, token());
	}

	public HttpResponse<String> post(String path, String json) throws Exception {
		return send("POST", path, json, token());
	}

	public HttpResponse<String> put(String path, String json) throws Exception {
		return send("PUT", path, json, token());
	}

	public HttpResponse<String> delete(String path) throws Exception {
		return send("DELETE", path, null, token());
	}

	/** A request with the given bearer token, or none if {@code null}. */
	public HttpResponse<String> send(String method, String path, String json, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
