package com.kreativnomentorstvo.participants.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway as participant-service's data export sees it: the other services' personal-data
 * endpoints, answering as each test tells them to (by default 404: nothing held), and remembering
 * the requests they got. One per JVM, like the service's application context.
 */
public final class StubGateway {

	private static final Pattern PERSONAL_DATA = Pattern.compile("/api/v1/participants/([^/]+)/personal-data/([^/]+)");

	private static final StubGateway SHARED = new StubGateway();

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** What a service answers about a participant. */
	public record Answer(int status, String body, Duration delay) {
	}

	/** A request the stub got. */
	public record Request(String participantId, String service, String authorization) {
	}

	private StubGateway() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "stub-gateway");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	public static StubGateway shared() {
		return SHARED;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** How the service answers about the participant from now on. */
	public void answer(String participantId, String service, Answer answer) {
		answers.put(participantId + "/" + service, answer);
	}

	/** The requests about the participant so far. */
	public List<Request> requestsAbout(String participantId) {
		return requests.stream().filter(request -> request.participantId().equals(participantId)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Matcher path = PERSONAL_DATA.matcher(exchange.getRequestURI().getPath());
			if (!path.matches()) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			requests.add(new Request(path.group(1), path.group(2),
					exchange.getRequestHeaders().getFirst("Authorization")));
			Answer answer = answers.getOrDefault(path.group(1) + "/" + path.group(2),
					new Answer(404, "{\"status\":404}", Duration.ZERO));
			if (!answer.delay().isZero()) {
				try {
					Thread.sleep(answer.delay().toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException clientGone) {
			// the export stopped waiting
		}
	}

}
