package com.kreativnomentorstvo.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens for an integration: the OAuth2 client-credentials grant at the issuer's token endpoint
 * (the client's secret sent by HTTP Basic), each token kept until shortly before it expires. Set it as
 * the request interceptor of a generated {@code ApiClient}, and every request carries
 * {@code Authorization: Bearer <token>}.
 */
public final class ClientCredentials implements Consumer<HttpRequest.Builder> {

	/** A token is renewed this long before it expires (at most), so that it does not expire on its way. */
	static final Duration RENEW_EARLY = Duration.ofSeconds(30);

	/** How long a token is kept when the endpoint does not say ({@code expires_in} is optional). */
	static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(1);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI tokenEndpoint;

	private final String authorization;

	private final HttpClient http;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	/**
	 * @param tokenEndpoint the issuer's token endpoint, e.g. {@code http://localhost:9000/oauth2/token}
	 * @param clientId the integration's client id, as an administrator registered it
	 * @param clientSecret its secret
	 */
	public ClientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
		this(tokenEndpoint, clientId, clientSecret, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
				Clock.systemUTC());
	}

	ClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, HttpClient http, Clock clock) {
		this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
		// RFC 6749, 2.3.1: id and secret are form-encoded before they are joined for HTTP Basic
		String credentials = form(Objects.requireNonNull(clientId, "clientId")) + ":"
				+ form(Objects.requireNonNull(clientSecret, "clientSecret"));
		this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		this.http = http;
		this.clock = clock;
	}

	/** Puts the current token on the request. */
	@Override
	public void accept(HttpRequest.Builder request) {
		request.setHeader("Authorization", "Bearer " + token());
	}

	/**
	 * A valid access token: the one kept, or a new one when it is about to expire.
	 * @throws IllegalStateException when the token endpoint refuses (the message has its answer)
	 * @throws UncheckedIOException when it cannot be reached
	 */
	public synchronized String token() {
		if (token == null || !clock.instant().isBefore(renewAt)) {
			requestToken();
		}
		return token;
	}

	private void requestToken() {
		HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not reach the token endpoint " + tokenEndpoint, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", ex);
		}
		JsonNode answer = parse(response.body());
		String accessToken = answer.path("access_token").asText("");
		if (response.statusCode() != 200 || accessToken.isEmpty()) {
			throw new IllegalStateException("the token endpoint " + tokenEndpoint + " gave no token: "
					+ response.statusCode() + " " + response.body());
		}
		Duration lifetime = answer.hasNonNull("expires_in") ? Duration.ofSeconds(answer.get("expires_in").asLong())
				: ASSUMED_LIFETIME;
		// a short-lived token is kept for half its life, not renewed on every request
		Duration early = lifetime.dividedBy(2).compareTo(RENEW_EARLY) < 0 ? lifetime.dividedBy(2) : RENEW_EARLY;
		this.token = accessToken;
		this.renewAt = clock.instant().plus(lifetime).minus(early);
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (IOException ex) {
			return JSON.createObjectNode();
		}
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
