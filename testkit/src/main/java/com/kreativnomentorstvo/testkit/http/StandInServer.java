package com.kreativnomentorstvo.testkit.http;

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
 * A real HTTP server on loopback (the JDK's) standing in for another party in a test of one
 * module: the gateway for the Java client and the web application's pages, or a token endpoint.
 * It answers by method and path (a path with its query string is matched first) with canned
 * bodies, a default answer otherwise, and records every request it received.
 */
public final class StandInServer implements AutoCloseable {

	/** A request as it arrived. */
	public record Request(String method, String path, String query, Headers headers, String body) {

		public String header(String name) {
			return headers.getFirst(name);
		}

		/** The path with its query string, as it was asked for. */
		public String target() {
			return query == null ? path : path + "?" + query;
		}

	}

	private record Answer(int status, String contentType, String body) {
	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private volatile Answer otherwise = new Answer(204, null, "");

	private StandInServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	public static StandInServer start() {
		try {
			return new StandInServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answers requests of the method to the path with the status and body. A path with a query
	 * ({@code /items?page=1}) answers only that query; one without answers every query.
	 */
	public StandInServer answer(String method, String path, int status, String contentType, String body) {
		answers.put(method + " " + path, new Answer(status, contentType, body));
		return this;
	}

	/** Answers with a JSON body. */
	public StandInServer answer(String method, String path, int status, String json) {
		return answer(method, path, status, "application/json", json);
	}

	/** What every other request gets ({@code 204 No Content} unless told otherwise). */
	public StandInServer otherwise(int status, String contentType, String body) {
		this.otherwise = new Answer(status, contentType, body);
		return this;
	}

	/** Where it listens, e.g. {@code http://127.0.0.1:41234}. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<Request> received() {
		return List.copyOf(received);
	}

	/** Forgets the requests received so far (the answers stay). */
	public void forget() {
		received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
		received.add(request);
		Answer answer = answers.get(request.method() + " " + request.target());
		if (answer == null) {
			answer = answers.getOrDefault(request.method() + " " + request.path(), otherwise);
		}
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
