package com.kreativnomentorstvo.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.MDC;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.platform.web.RequestIds;

/**
 * Turns recorded events into outbox entries: assigns the event id and time, the source of this
 * instance and service, and the request and trace that caused it.
 */
public class OutboxEntries {

	private final String source;

	private final Clock clock;

	private final Supplier<String> traceparent;

	/**
	 * @param traceparent the W3C trace context of the current operation, or {@code null}
	 */
	public OutboxEntries(String source, Clock clock, Supplier<String> traceparent) {
		this.source = source;
		this.clock = clock;
		this.traceparent = traceparent;
	}

	/** The CloudEvents {@code source} of events from this service, e.g. {@code /local/participant-service}. */
	public String source() {
		return source;
	}

	public OutboxEntry entryFor(MentoringEvent event) {
		EventType type = event.eventType();
		return new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(), source, event.subject(),
				clock.instant(), new String(EventJson.write(event), StandardCharsets.UTF_8), event.programmeId(),
				event.organisationId(), MDC.get(RequestIds.MDC_KEY), traceparent.get());
	}

}
