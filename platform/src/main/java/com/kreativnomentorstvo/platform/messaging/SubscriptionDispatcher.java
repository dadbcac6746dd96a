package com.kreativnomentorstvo.platform.messaging;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;

import com.kreativnomentorstvo.events.CloudEventExtensions;
import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.platform.web.RequestIds;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;

/**
 * Applies the records of one consumer group: decodes the CloudEvent, finds the subscribed handler
 * and runs it through the inbox. Types of the catalogue nobody here subscribed to are skipped;
 * records that cannot be decoded, and types the catalogue does not know, are poison.
 */
class SubscriptionDispatcher implements MessageListener<String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionDispatcher.class);

	private final Subscriptions subscriptions;

	private final Inbox inbox;

	private final MeterRegistry meters;

	private final TraceContexts traces;

	SubscriptionDispatcher(Subscriptions subscriptions, Inbox inbox, MeterRegistry meters, TraceContexts traces) {
		this.subscriptions = subscriptions;
		this.inbox = inbox;
		this.meters = meters;
		this.traces = traces;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		dispatch(record);
	}

	/**
	 * Applies one record.
	 * @return whether a handler ran (through the inbox, or a tombstone handler): only then does the
	 * record tell that the store answers again; a record skipped without the store says nothing
	 * about an outage and must not end a wait
	 */
	boolean dispatch(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			Consumer<String> tombstone = subscriptions.tombstoneHandlerFor(record.topic());
			// the platform's own records that close a quiet compacted topic's segment are nobody's business
			if (tombstone != null && record.key() != null && !CompactedTopicRoller.KEY.equals(record.key())) {
				HandlerError.guard(() -> tombstone.accept(record.key()));
				return true;
			}
			return false;
		}
		CloudEvent event = CloudEventRecords.toCloudEvent(record);
		Optional<EventType> type = EventType.ofTypeName(event.getType());
		if (type.isEmpty()) {
			// not in the catalogue this service was built with: parked, so that a newer version that knows
			// it can take it from the dead-letter topic, rather than skipped and lost
			throw new PoisonEventException("unknown type " + abbreviate(event.getType()) + " (" + event.getId() + ")");
		}
		EventHandler<MentoringEvent> handler = subscriptions.handlerFor(type.get());
		if (handler == null) {
			return false; // another type on a shared topic; tolerant consumers skip what they do not use
		}
		MentoringEvent data = decode(type.get(), event);
		EventMetadata metadata = metadata(event, record);
		if (metadata.requestId() != null) {
			MDC.put(RequestIds.MDC_KEY, metadata.requestId());
		}
		MDC.put("eventId", metadata.id());
		try {
			traces.continueFrom(CloudEventRecords.extension(event, CloudEventExtensions.TRACEPARENT),
					"apply " + event.getType(), () -> apply(event, handler, data, metadata));
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
			MDC.remove("eventId");
		}
		return true;
	}

	private void apply(CloudEvent event, EventHandler<MentoringEvent> handler, MentoringEvent data,
			EventMetadata metadata) {
		boolean applied = inbox.applyOnce(subscriptions.consumerGroup(), event.getId(),
				() -> HandlerError.guard(() -> handler.handle(data, metadata)));
		meters.counter("mentoring.events.consumed", "consumer", subscriptions.consumerGroup(), "type",
				event.getType(), "outcome", applied ? "applied" : "duplicate").increment();
		if (applied) {
			log.info("Applied {} {} from {}-{}@{}", event.getType(), event.getId(), metadata.topic(),
					metadata.partition(), metadata.offset());
		}
		else {
			log.info("Skipped {} {}: already applied", event.getType(), event.getId());
		}
	}

	/** A type named by a record from outside goes into logs and dead-letter headers: kept short. */
	private static String abbreviate(String text) {
		return text == null || text.length() <= 120 ? String.valueOf(text) : text.substring(0, 120) + "…";
	}

	private static MentoringEvent decode(EventType type, CloudEvent event) {
		if (event.getData() == null) {
			throw new PoisonEventException(type.typeName() + " " + event.getId() + " has no data");
		}
		byte[] bytes = event.getData().toBytes();
		List<String> violations;
		try {
			violations = EventSchemas.violations(type, bytes);
		}
		catch (JacksonException ex) {
			throw new PoisonEventException("data of " + type.typeName() + " " + event.getId() + " does not decode ("
					+ ex.getClass().getSimpleName() + ")");
		}
		if (!violations.isEmpty()) {
			throw new PoisonEventException("data of " + type.typeName() + " " + event.getId()
					+ " is invalid against its schema: " + String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
		}
		try {
			return EventJson.read(type, bytes);
		}
		catch (JacksonException ex) {
			// the reason names the place, never the content: it travels to the dead-letter topic and the logs
			String at = path(ex);
			throw new PoisonEventException("data of " + type.typeName() + " " + event.getId() + " does not decode"
					+ (at.isEmpty() ? "" : " at " + at) + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** The JSON path of the value that failed, e.g. {@code profile.languages[2]}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static EventMetadata metadata(CloudEvent event, ConsumerRecord<String, byte[]> record) {
		return new EventMetadata(event.getId(), event.getType(), String.valueOf(event.getSource()), event.getSubject(),
				event.getTime() == null ? null : event.getTime().toInstant(),
				CloudEventRecords.extension(event, CloudEventExtensions.PROGRAMME_ID),
				CloudEventRecords.extension(event, CloudEventExtensions.ORGANISATION_ID),
				CloudEventRecords.extension(event, CloudEventExtensions.REQUEST_ID), record.topic(), record.partition(),
				record.offset(), event.getDataSchema() == null ? null : event.getDataSchema().toString(),
				event.getData() == null ? null : event.getData().toBytes());
	}

}
