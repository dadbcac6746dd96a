package com.kreativnomentorstvo.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for the webhook subscriptions: {@code POST /hooks/<subscriber>}. It keeps
 * every request (the CloudEvents id, type and programme from the {@code ce-*} headers, and the
 * delivery's {@code webhook-id}, on which a subscriber deduplicates) and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

	WebhookReceiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
		server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
			Thread thread = new Thread(runnable, "webhook-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/hooks/", this::receive);
		server.start();
	}

	/** One delivery as received. */
	record Delivery(String subscriber, String eventId, String webhookId, String type, String programmeId, Instant at) {
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			deliveries.add(new Delivery(path.substring(path.lastIndexOf('/') + 1),
					exchange.getRequestHeaders().getFirst("ce-id"), exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("ce-type"),
					exchange.getRequestHeaders().getFirst("ce-programmeid"), Instant.now()));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	List<Delivery> deliveries() {
		return List.copyOf(deliveries);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
