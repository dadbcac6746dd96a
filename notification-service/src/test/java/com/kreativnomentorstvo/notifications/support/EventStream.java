package com.kreativnomentorstvo.notifications.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.kreativnomentorstvo.testkit.http.ServiceApi;

/** A client of the inbox's server-sent events: opens the stream and keeps every line it receives. */
public final class EventStream implements AutoCloseable {

	private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final int status;

	private EventStream(ServiceApi api, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url("/api/v1/notifications/stream")))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = api.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		try {
			HttpResponse<Stream<String>> opened = response.get(30, TimeUnit.SECONDS);
			this.status = opened.statusCode();
			Thread reader = new Thread(() -> {
				try {
					opened.body().forEach(lines::add);
				}
				catch (UncheckedIOException | IllegalStateException closed) {
					// the test closed the stream: nothing more to read
				}
			}, "sse-reader");
			reader.setDaemon(true);
			reader.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("the stream did not open", ex);
		}
	}

	/** Opens the stream of the token's account, resuming after {@code lastEventId} if given. */
	public static EventStream open(ServiceApi api, String token, String lastEventId) {
		return new EventStream(api, token, lastEventId);
	}

	public int status() {
		return status;
	}

	public boolean connected() {
		return lines.stream().anyMatch(l -> l.startsWith(":connected"));
	}

	/** Every line received so far. */
	public List<String> lines() {
		return List.copyOf(lines);
	}

	/** The {@code data:} lines received so far. */
	public List<String> data() {
		return lines.stream().filter(l -> l.startsWith("data:")).toList();
	}

	/** The {@code id:} values received so far, in order. */
	public List<String> ids() {
		return lines.stream().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).strip()).toList();
	}

	@Override
	public void close() {
		response.cancel(true);
		if (response.isDone() && !response.isCompletedExceptionally() && !response.isCancelled()) {
			response.join().body().close();
		}
	}

}
