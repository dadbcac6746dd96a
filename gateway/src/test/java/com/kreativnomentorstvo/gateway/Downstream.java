package com.kreativnomentorstvo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway, for tests: a real HTTP server on loopback that records every
 * request it receives and answers as the test tells it (by default 200 with a small JSON body naming
 * itself). {@code GET /v3/api-docs} answers a small OpenAPI document that names its own address as
 * the server, as the real services do.
 */
final class Downstream {

	/** What arrived, with header names in lower case. */
	record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

	}

	/** An answer. */
	record Reply(int status, String contentType, String body) {

		static Reply json(int status, String body) {
			return new Reply(status, "application/json", body);
		}

	}

	private final String name;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Function<Received, Reply> behaviour;

	private volatile boolean remembering = true;

	private Downstream(String name) {
		this.name = name;
		this.behaviour = this::answerNamingItself;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(threads);
		server.start();
	}

	static Downstream start(String name) {
		return new Downstream(name);
	}

	/** A loopback port nothing listens on: a service that is down. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Keeps no record of what arrives (for floods of requests). */
	Downstream forgettingRequests() {
		this.remembering = false;
		return this;
	}

	/** Answers every later request with the given function. */
	Downstream answering(Function<Received, Reply> behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	/** The requests that carried the given request id. */
	List<Received> receivedWithRequestId(String requestId) {
		return received.stream().filter(r -> requestId.equals(r.header("X-Request-Id"))).toList();
	}

	void stop() {
		server.stop(0);
		threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), List.copyOf(values)));
			Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), headers, in.readAllBytes());
			if (remembering) {
				received.add(request);
			}
			Reply reply = "/v3/api-docs".equals(request.path()) ? apiDocument() : behaviour.apply(request);
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", reply.contentType());
			// the services echo the request id; the caller must still see it once
			if (request.header("X-Request-Id") != null) {
				exchange.getResponseHeaders().add("X-Request-Id", request.header("X-Request-Id"));
			}
			exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (RuntimeException ex) {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		}
	}

	private Reply answerNamingItself(Received request) {
		return Reply.json(200, """
				{"service":"%s","method":"%s","path":"%s","bodyBytes":%d}""".formatted(name, request.method(),
				request.path(), request.body().length));
	}

	private Reply apiDocument() {
		return Reply.json(200, """
				{"openapi":"3.1.0","info":{"title":"%s","version":"1"},"servers":[{"url":"%s"}],
				 "paths":{"/api/v1/%s-things":{"get":{"responses":{"200":{"description":"ok"}}}}}}"""
			.formatted(name, url(), name));
	}

}
