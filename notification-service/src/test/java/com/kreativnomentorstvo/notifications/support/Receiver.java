package com.kreativnomentorstvo.notifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for webhook tests (the JDK's server on loopback): it records every request
 * and answers with the status codes it is told, then with its default.
 */
public final class Receiver implements AutoCloseable {

	/** One request as received: headers (lower-case names) and the raw body. */
	public record Request(Map<String, String> headers, byte[] body) {

		public String header(String name) {
			return headers.get(name.toLowerCase());
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

	private volatile int otherwise = 200;

	private volatile Consumer<Request> beforeAnswering = request -> {
	};

	private final String host;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Long> receivedAtNanos = new CopyOnWriteArrayList<>();

	public Receiver() {
		this("127.0.0.1", 0);
	}

	/** A receiver on another loopback address (e.g. {@code 127.0.0.2}) or a given port (0: any free one). */
	public Receiver(String host, int port) {
		this.host = host;
		try {
			server = HttpServer.create(new InetSocketAddress(host, port), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/hook", exchange -> {
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			Request request;
			try (InputStream body = exchange.getRequestBody()) {
				request = new Request(headers, body.readAllBytes());
				requests.add(request);
				receivedAtNanos.add(System.nanoTime());
			}
			beforeAnswering.accept(request);
			Integer status = script.poll();
			exchange.sendResponseHeaders(status == null ? otherwise : status, -1);
			exchange.close();
		});
		server.setExecutor(executor);
		server.start();
	}

	/** Answers the next requests with these codes, in order. */
	public Receiver answering(int... statuses) {
		for (int status : statuses) {
			script.add(status);
		}
		return this;
	}

	/** Answers with this code once the scripted ones are used up. */
	public Receiver otherwise(int status) {
		this.otherwise = status;
		return this;
	}

	/** Does this with each request once it is recorded, before it is answered. */
	public Receiver beforeAnswering(Consumer<Request> action) {
		this.beforeAnswering = action;
		return this;
	}

	public String url() {
		return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
	}

	/** When each request arrived ({@link System#nanoTime()}), in order. */
	public List<Long> receivedAtNanos() {
		return new ArrayList<>(receivedAtNanos);
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public List<Request> requests() {
		return new ArrayList<>(requests);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
