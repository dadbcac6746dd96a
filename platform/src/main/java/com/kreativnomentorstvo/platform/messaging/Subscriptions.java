package com.kreativnomentorstvo.platform.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.Topics;

/**
 * Everything one consumer group of a service listens to, in one visible place. Declare it as a
 * bean; the platform runs a Kafka consumer for its topics that decodes each CloudEvent, skips
 * types nobody subscribed to, applies each event id once, parks poison on the group's dead-letter
 * topic at once, waits out a store or broker outage without limit, and retries other failures with
 * back-off before it parks them (see {@code SubscriptionContainers}).
 *
 * <pre>{@code
 * @Bean
 * Subscriptions subscriptions(ParticipantProjection projection) {
 *     return Subscriptions.forConsumer("matching-service")
 *         .on(ParticipantEnrolled.class, projection::enrolled)
 *         .on(ParticipantErased.class, projection::erased);
 * }
 * }</pre>
 */
public final class Subscriptions {

	private final String consumerGroup;

	private final Map<EventType, EventHandler<MentoringEvent>> handlers = new LinkedHashMap<>();

	private final Map<String, Consumer<String>> tombstoneHandlers = new LinkedHashMap<>();

	private Subscriptions(String consumerGroup) {
		this.consumerGroup = consumerGroup;
	}

	/** Subscriptions of one Kafka consumer group, usually named after the service. */
	public static Subscriptions forConsumer(String consumerGroup) {
		return new Subscriptions(consumerGroup);
	}

	/** Applies events of the given type with the handler. */
	@SuppressWarnings("unchecked")
	public <E extends MentoringEvent> Subscriptions on(Class<E> eventClass, EventHandler<? super E> handler) {
		EventType type = EventType.of(eventClass);
		if (handlers.putIfAbsent(type, (EventHandler<MentoringEvent>) handler) != null) {
			throw new IllegalStateException(consumerGroup + " subscribes twice to " + type.typeName());
		}
		return this;
	}

	/**
	 * Handles tombstones (records with a key and no value) on a compacted topic: the key's
	 * aggregate no longer exists, e.g. an erased participant's contact details.
	 */
	public Subscriptions onTombstone(String topic, Consumer<String> handler) {
		if (!Topics.COMPACTED.contains(topic)) {
			throw new IllegalArgumentException(topic + " is not a compacted topic");
		}
		tombstoneHandlers.put(topic, handler);
		return this;
	}

	public String consumerGroup() {
		return consumerGroup;
	}

	/** The topics this consumer group reads. */
	public Set<String> topics() {
		Set<String> topics = new LinkedHashSet<>();
		handlers.keySet().forEach(type -> topics.add(type.topic()));
		topics.addAll(tombstoneHandlers.keySet());
		return topics;
	}

	/** The event types this consumer group applies. */
	public Set<EventType> eventTypes() {
		return Collections.unmodifiableSet(handlers.keySet());
	}

	EventHandler<MentoringEvent> handlerFor(EventType type) {
		return handlers.get(type);
	}

	Consumer<String> tombstoneHandlerFor(String topic) {
		return tombstoneHandlers.get(topic);
	}

}
