package com.kreativnomentorstvo.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback standing in for the gateway in the page tests: it answers each path
 * with the JSON it was given, and records what it was asked (path, token, language). It also
 * serves an OpenID discovery document, so that the sign-in redirect can be built.
 */
final class FakeApi implements AutoCloseable {

	record Call(String method, String path, String authorization, String language, String body) {
	}

	record Answer(int status, String contentType, String body) {
	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	FakeApi() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.start();
		String base = url();
		json("GET /.well-known/openid-configuration", 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
				 "jwks_uri":"%1$s/oauth2/jwks","end_session_endpoint":"%1$s/connect/logout",
				 "response_types_supported":["code"],"subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
			.formatted(base));
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Answers {@code "GET /api/v1/programmes"} (query string included when given) with the JSON. */
	void json(String request, int status, String body) {
		answers.put(request, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body));
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	void forget() {
		calls.clear();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		calls.add(new Call(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Accept-Language"), body));
		Answer answer = answers.get(exchange.getRequestMethod() + " " + (query == null ? path : path + "?" + query));
		if (answer == null) {
			answer = answers.get(exchange.getRequestMethod() + " " + path);
		}
		if (answer == null) {
			answer = new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
