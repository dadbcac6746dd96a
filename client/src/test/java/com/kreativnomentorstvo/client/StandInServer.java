package com.kreativnomentorstvo.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback (the JDK's) standing in for the gateway and the token endpoint: it
 * answers by method and path with canned bodies, {@code 204 No Content} otherwise, and records every
 * request it received.
 */
final class StandInServer implements AutoCloseable {

	/** A request as it arrived. */
	record Request(String method, String path, String query, Headers headers, String body) {

		String header(String name) {
			return headers.getFirst(name);
		}

	}

	private record Answer(int status, String contentType, String body) {
	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private StandInServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	static StandInServer start() {
		try {
			return new StandInServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers requests of the method to the path (without query) with the status and body. */
	StandInServer answer(String method, String path, int status, String contentType, String body) {
		answers.put(method + " " + path, new Answer(status, contentType, body));
		return this;
	}

	/** Answers with a JSON body. */
	StandInServer answer(String method, String path, int status, String json) {
		return answer(method, path, status, "application/json", json);
	}

	/** Where it listens, e.g. {@code http://127.0.0.1:41234}. */
	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Request> received() {
		return List.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getRawPath();
		received.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
				exchange.getRequestHeaders(), body));
		Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(204, null, ""));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		if (answer.contentType() != null) {
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		}
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
