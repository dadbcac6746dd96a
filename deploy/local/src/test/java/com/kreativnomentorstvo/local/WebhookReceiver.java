package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

/**
 * An organisation's system that receives webhooks: a real HTTP server of the test on loopback
 * (the system test's stack allows 127.0.0.1/32 for webhooks), answering 204 and keeping every
 * CloudEvent it got: its type, its data, and whether the Standard Webhooks library verified its
 * signature under {@link #SECRET}, as a subscriber's system would.
 */
final class WebhookReceiver implements AutoCloseable {

	/** The secret the system tests subscribe with. */
	static final String SECRET = "whsec-system-test-0123456789";

	/** One delivery as received. */
	record Received(String type, String subject, String data, boolean verified) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/hook", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				String data = new String(body.readAllBytes(), StandardCharsets.UTF_8);
				received.add(new Received(exchange.getRequestHeaders().getFirst("ce-type"),
						exchange.getRequestHeaders().getFirst("ce-subject"), data,
						verified(data, exchange.getRequestHeaders())));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.setExecutor(executor);
		server.start();
	}

	private static boolean verified(String body, Map<String, List<String>> headers) {
		Map<String, List<String>> lowerCase = new HashMap<>();
		headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
		try {
			new Webhook(SECRET.getBytes(StandardCharsets.UTF_8)).verify(body, lowerCase);
			return true;
		}
		catch (WebhookVerificationException | EmptyWebhookSecretException ex) {
			return false;
		}
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	/** The types of the events received whose data mentions the id. */
	List<String> typesAbout(String id) {
		return received.stream().filter(r -> r.data().contains("\"" + id + "\"")).map(Received::type).toList();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
