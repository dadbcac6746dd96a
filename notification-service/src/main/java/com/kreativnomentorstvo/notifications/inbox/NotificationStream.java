package com.kreativnomentorstvo.notifications.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.recipient.RecipientErased;

/**
 * The open server-sent-event streams of this instance. New notifications are found by polling the
 * store rather than pushed from the code that creates them, because that code may run on another
 * instance (whichever consumes the event's partition); the store has no change streams everywhere
 * (the embedded one lacks them), so polling works on every deployment.
 */
@Component
public class NotificationStream implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);

	/** Notifications created this long before the newest one seen are looked at again (late writes). */
	private static final Duration OVERLAP = Duration.ofSeconds(10);

	private static final int REMEMBERED = 500;

	private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();

	private volatile boolean running;

	private final Notifications notifications;

	private final NotificationRenderer renderer;

	private final NotificationProperties.Stream settings;

	private final Clock clock;

	NotificationStream(Notifications notifications, NotificationRenderer renderer, NotificationProperties properties,
			Clock clock) {
		this.notifications = notifications;
		this.renderer = renderer;
		this.settings = properties.stream();
		this.clock = clock;
	}

	/** One open stream: what it has sent, and from when it looks for more. */
	private static final class Connection {

		final SseEmitter emitter;

		final Set<String> sent = new LinkedHashSet<>();

		volatile Instant cursor;

		volatile Instant lastWrite;

		Connection(SseEmitter emitter, Instant cursor, Instant now) {
			this.emitter = emitter;
			this.cursor = cursor;
			this.lastWrite = now;
		}

		void remember(String id) {
			sent.add(id);
			if (sent.size() > REMEMBERED) {
				Iterator<String> oldest = sent.iterator();
				oldest.next();
				oldest.remove();
			}
		}

	}

	/** Opens a stream of the participant's new notifications, resuming after {@code lastEventId}. */
	SseEmitter open(String participantId, String lastEventId) {
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		Instant now = clock.instant();
		Instant cursor = now;
		if (lastEventId != null) {
			cursor = notifications.findById(lastEventId)
				.filter(n -> participantId.equals(n.recipientId()))
				.map(Notification::createdAt)
				.orElse(now);
		}
		Connection connection = new Connection(emitter, cursor, now);
		if (lastEventId != null) {
			connection.remember(lastEventId);
		}
		else {
			// a fresh stream carries what is new from now on; the inbox lists what came before
			notifications.findByRecipientIdInAndInAppTrueAndCreatedAtGreaterThanEqual(List.of(participantId),
					now.minus(OVERLAP)).forEach(n -> connection.remember(n.id()));
		}
		List<Connection> own = connections.computeIfAbsent(participantId, id -> new CopyOnWriteArrayList<>());
		own.add(connection);
		Runnable close = () -> own.remove(connection);
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError(error -> close.run());
		try {
			emitter.send(SseEmitter.event().comment("connected").reconnectTime(settings.pollInterval().toMillis() * 3));
		}
		catch (IOException ex) {
			close.run();
		}
		return emitter;
	}

	/** Sends every connected participant the notifications she has not been sent yet. */
	public void push() {
		List<String> participants = connections.entrySet()
			.stream()
			.filter(e -> !e.getValue().isEmpty())
			.map(Map.Entry::getKey)
			.toList();
		if (participants.isEmpty()) {
			return;
		}
		Instant earliest = participants.stream()
			.flatMap(p -> connections.getOrDefault(p, List.of()).stream())
			.map(c -> c.cursor)
			.min(Comparator.naturalOrder())
			.orElse(clock.instant())
			.minus(OVERLAP);
		List<Notification> recent = notifications
			.findByRecipientIdInAndInAppTrueAndCreatedAtGreaterThanEqual(participants, earliest)
			.stream()
			.sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
			.toList();
		Instant now = clock.instant();
		for (String participant : participants) {
			for (Connection connection : connections.getOrDefault(participant, List.of())) {
				send(connection, participant, recent, now);
			}
		}
	}

	private void send(Connection connection, String participant, List<Notification> recent, Instant now) {
		try {
			for (Notification notification : recent) {
				if (!participant.equals(notification.recipientId()) || connection.sent.contains(notification.id())
						|| notification.createdAt().isBefore(connection.cursor.minus(OVERLAP))) {
					continue;
				}
				InboxItem item = InboxItem.of(notification, renderer.render(notification));
				connection.emitter.send(SseEmitter.event()
					.id(notification.id())
					.name("notification")
					.data(item, MediaType.APPLICATION_JSON));
				connection.remember(notification.id());
				if (notification.createdAt().isAfter(connection.cursor)) {
					connection.cursor = notification.createdAt();
				}
				connection.lastWrite = now;
			}
			if (Duration.between(connection.lastWrite, now).compareTo(settings.heartbeat()) >= 0) {
				connection.emitter.send(SseEmitter.event().comment("heartbeat"));
				connection.lastWrite = now;
			}
		}
		catch (IOException | IllegalStateException gone) {
			log.debug("Stream of {} closed: {}", participant, gone.getMessage());
			connections.getOrDefault(participant, List.of()).remove(connection);
			connection.emitter.completeWithError(gone);
		}
	}

	/** Streams end before the server shuts down, so open ones do not hold it up; clients reconnect. */
	@Override
	public void stop() {
		running = false;
		connections.values().forEach(own -> own.forEach(c -> c.emitter.complete()));
		connections.clear();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** An erased participant's open streams end. */
	@EventListener
	void erased(RecipientErased erased) {
		List<Connection> own = connections.remove(erased.participantId());
		if (own != null) {
			own.forEach(c -> c.emitter.complete());
		}
	}

}
