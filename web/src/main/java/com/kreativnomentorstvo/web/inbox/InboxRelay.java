package com.kreativnomentorstvo.web.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kreativnomentorstvo.web.api.Api;

/**
 * The inbox's live updates: the person's stream of new notifications from the API (through the
 * gateway, with her token) passed on to her page as a bare signal, {@code notification}, on which
 * the page fetches its list again. Lines are relayed as they arrive, on the HTTP client's own
 * threads; when either side closes, the other is closed too, and the browser's EventSource
 * reconnects by itself.
 */
@Component
class InboxRelay {

	private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);

	/** After this long the page's stream ends and the browser opens a new one (with a fresh token). */
	private static final Duration LIFETIME = Duration.ofMinutes(15);

	private final Api api;

	InboxRelay(Api api) {
		this.api = api;
	}

	SseEmitter open() {
		SseEmitter page = new SseEmitter(LIFETIME.toMillis());
		Lines lines = new Lines(page);
		page.onCompletion(lines::cancel);
		page.onTimeout(lines::cancel);
		page.onError(failure -> lines.cancel());
		api.stream("/api/v1/notifications/stream", lines).whenComplete((response, failure) -> {
				if (failure != null) {
					log.debug("the inbox stream ended: {}", failure.toString());
				}
				else if (response.statusCode() != 200) {
					log.warn("the inbox stream was refused: {}", response.statusCode());
				}
				page.complete();
			});
		return page;
	}

	/** Reads the API's events line by line and signals each new notification to the page. */
	private static final class Lines implements Flow.Subscriber<String> {

		private final SseEmitter page;

		private volatile Flow.Subscription subscription;

		private volatile boolean cancelled;

		private String event = "";

		Lines(SseEmitter page) {
			this.page = page;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (cancelled) {
				subscription.cancel();
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(String line) {
			try {
				if (line.startsWith("event:")) {
					event = line.substring("event:".length()).trim();
				}
				else if (line.startsWith(":")) {
					// the service's heartbeat keeps the page's connection alive too
					page.send(SseEmitter.event().comment("heartbeat"));
				}
				else if (line.isEmpty()) {
					if ("notification".equals(event)) {
						page.send(SseEmitter.event().name("notification").data("new"));
					}
					event = "";
				}
			}
			catch (IOException | IllegalStateException pageGone) {
				cancel();
			}
		}

		@Override
		public void onError(Throwable failure) {
			page.complete();
		}

		@Override
		public void onComplete() {
			page.complete();
		}

		void cancel() {
			cancelled = true;
			Flow.Subscription current = subscription;
			if (current != null) {
				current.cancel();
			}
		}

	}

}
