package com.kreativnomentorstvo.notifications.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * The open server-sent-event streams of this instance. New notifications are found by polling the
 * store every {@code stream.poll-interval} rather than pushed from the code that creates them,
 * because that code may run on another instance (whichever consumes the event's partition); the
 * store has no change streams everywhere (the embedded one lacks them), so polling works on every
 * deployment.
 */
@Component
public class NotificationStream implements SmartLifecycle, SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);

	/** Notifications created this long before the newest one seen are looked at again (late writes). */
	private static final Duration OVERLAP = Duration.ofSeconds(10);

	private static final int REMEMBERED = 500;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

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

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("stream pass", this::push, log), settings.pollInterval());
	}

	/** One open stream: whose notifications it carries, what it has sent, and from when it looks for more. */
	private static final class Connection {

		final SseEmitter emitter;

		final Set<String> recipients;

		final Set<String> sent = new LinkedHashSet<>();

		volatile Instant cursor;

		volatile Instant lastWrite;

		Connection(SseEmitter emitter, Set<String> recipients, Instant cursor, Instant now) {
			this.emitter = emitter;
			this.recipients = Set.copyOf(recipients);
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

	/**
	 * Opens one stream of the new notifications of several recipients (all enrolments of one
	 * account, and her staff record), resuming after {@code lastEventId} if it was one of theirs.
	 */
	SseEmitter open(Set<String> recipientIds, String lastEventId) {
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		Instant now = clock.instant();
		Optional<Notification> last = lastEventId == null ? Optional.empty()
				: notifications.findById(lastEventId).filter(n -> recipientIds.contains(n.recipientId()));
		Instant cursor = last.map(Notification::createdAt).orElse(now);
		Connection connection = new Connection(emitter, recipientIds, cursor, now);
		// a fresh stream carries what is new from now on (the inbox lists what came before); a resumed
		// one what follows its last event in the order streams send (creation time, then id)
		notifications.findByRecipientIdInAndInAppTrueAndCreatedAtGreaterThanEqual(recipientIds, cursor.minus(OVERLAP))
			.stream()
			.filter(n -> last.map(l -> !follows(n, l)).orElse(true))
			.forEach(n -> connection.remember(n.id()));
		last.ifPresent(l -> connection.remember(l.id()));
		connections.add(connection);
		Runnable close = () -> connections.remove(connection);
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

	/** Whether the notification comes after the other in the order streams send them. */
	private static boolean follows(Notification notification, Notification other) {
		int byTime = notification.createdAt().compareTo(other.createdAt());
		return byTime > 0 || (byTime == 0 && notification.id().compareTo(other.id()) > 0);
	}

	/** Sends every open stream the notifications of its recipients it has not sent yet. */
	void push() {
		List<Connection> open = List.copyOf(connections);
		if (open.isEmpty()) {
			return;
		}
		Set<String> recipients = new HashSet<>();
		open.forEach(c -> recipients.addAll(c.recipients));
		Instant earliest = open.stream()
			.map(c -> c.cursor)
			.min(Comparator.naturalOrder())
			.orElse(clock.instant())
			.minus(OVERLAP);
		List<Notification> recent = notifications
			.findByRecipientIdInAndInAppTrueAndCreatedAtGreaterThanEqual(recipients, earliest)
			.stream()
			.sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
			.toList();
		Instant now = clock.instant();
		for (Connection connection : open) {
			send(connection, recent, now);
		}
	}

	private void send(Connection connection, List<Notification> recent, Instant now) {
		try {
			for (Notification notification : recent) {
				if (!connection.recipients.contains(notification.recipientId())
						|| connection.sent.contains(notification.id())
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
			log.debug("Stream of {} closed: {}", connection.recipients, gone.getMessage());
			connections.remove(connection);
			connection.emitter.completeWithError(gone);
		}
	}

	/** Streams end before the server shuts down, so open ones do not hold it up; clients reconnect. */
	@Override
	public void stop() {
		running = false;
		connections.forEach(c -> c.emitter.complete());
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

	/**
	 * Ends the open streams that carry the recipient's notifications, at her erasure (the client
	 * reconnects without her).
	 */
	public void disconnect(String recipientId) {
		for (Connection connection : connections) {
			if (connection.recipients.contains(recipientId)) {
				connections.remove(connection);
				connection.emitter.complete();
			}
		}
	}

}
