package com.kreativnomentorstvo.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

import com.kreativnomentorstvo.platform.Outages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one consumer group's failures are, and what the logs and metrics say about them. A record
 * is
 * <ul>
 * <li><b>poison</b> when it can never be applied ({@link PoisonEventException}): parked on the
 * dead-letter topic at once;</li>
 * <li><b>waiting</b> when the store or the broker does not answer ({@link Outages}), or another
 * instance is applying the same event ({@link Inbox.EventInProgressException}): retried without
 * limit, the consumer paused between attempts, never dead-lettered;</li>
 * <li>otherwise <b>failing</b>: retried a few times, then parked.</li>
 * </ul>
 * A wait is reported once when it begins (a WARN line, {@code mentoring.events.waits}) and once
 * when events are applied again, not on every attempt.
 */
final class ConsumerFaults implements RetryListener {

	private static final Logger log = LoggerFactory.getLogger(ConsumerFaults.class);

	/** What kind of failure a record met. */
	enum Kind {

		POISON, OUTAGE, IN_PROGRESS, FAILURE

	}

	private final String consumerGroup;

	private final String deadLetterTopic;

	private final int maxRetries;

	private final Duration maxBackOff;

	private final MeterRegistry meters;

	private final Clock clock;

	private Wait wait;

	ConsumerFaults(String consumerGroup, String deadLetterTopic, int maxRetries, Duration maxBackOff,
			MeterRegistry meters, Clock clock) {
		this.consumerGroup = consumerGroup;
		this.deadLetterTopic = deadLetterTopic;
		this.maxRetries = maxRetries;
		this.maxBackOff = maxBackOff;
		this.meters = meters;
		this.clock = clock;
		Gauge.builder("mentoring.events.waiting", this, faults -> faults.waiting() ? 1 : 0)
			.description("1 while the consumer waits for the store or the broker (or another instance) to apply an event")
			.tag("consumer", consumerGroup)
			.register(meters);
		for (Kind kind : new Kind[] { Kind.OUTAGE, Kind.IN_PROGRESS }) {
			waits(kind);
			retries(kind);
		}
	}

	static Kind classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof PoisonEventException) {
				return Kind.POISON;
			}
			if (cause instanceof Inbox.EventInProgressException) {
				return Kind.IN_PROGRESS;
			}
		}
		return Outages.find(failure).isPresent() ? Kind.OUTAGE : Kind.FAILURE;
	}

	/** Whether a failure is retried for as long as it takes. */
	static boolean waitsForever(Throwable failure) {
		Kind kind = classify(failure);
		return kind == Kind.OUTAGE || kind == Kind.IN_PROGRESS;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		Kind kind = classify(failure);
		switch (kind) {
			case OUTAGE, IN_PROGRESS -> waitFor(kind, record, failure);
			case FAILURE -> log.warn("{} could not apply {} (attempt {} of {}); retrying: {}", consumerGroup,
					describe(record), deliveryAttempt, maxRetries + 1, reason(failure));
			case POISON -> {
				// parked at once; recovered(...) says so
			}
		}
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
		log.error("{} parked {} on {}: {}", consumerGroup, describe(record), deadLetterTopic, reason(failure));
	}

	@Override
	public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
		log.warn("{} could not park {} on {}; it is retried: {}", consumerGroup, describe(record), deadLetterTopic,
				failure.toString());
	}

	/** A record was applied (or skipped as a duplicate): a wait, if there was one, is over. */
	synchronized void applied() {
		if (wait != null) {
			log.info("{} applies events again after waiting {} s ({} retries)", consumerGroup,
					Duration.between(wait.since(), clock.instant()).toSeconds(), wait.retries());
			wait = null;
		}
	}

	synchronized boolean waiting() {
		return wait != null;
	}

	private synchronized void waitFor(Kind kind, ConsumerRecord<?, ?> record, Exception failure) {
		retries(kind).increment();
		if (wait != null && wait.kind() == kind) {
			wait = wait.again();
			return;
		}
		wait = new Wait(kind, clock.instant(), 1);
		waits(kind).increment();
		if (kind == Kind.OUTAGE) {
			log.warn("{} cannot apply {}: the store or the broker does not answer ({}). Retrying without limit, "
					+ "at most {} s apart, the consumer paused meanwhile; nothing is dead-lettered for this",
					consumerGroup, describe(record), reason(failure), maxBackOff.toSeconds());
		}
		else {
			log.warn("{} waits to apply {}: {}. Retrying until that instance has finished or its lease has run out",
					consumerGroup, describe(record), reason(failure));
		}
	}

	private Counter waits(Kind kind) {
		return Counter.builder("mentoring.events.waits")
			.description("Times a consumer began to wait: for the store or the broker (outage), or for another instance")
			.tag("consumer", consumerGroup)
			.tag("reason", reasonTag(kind))
			.register(meters);
	}

	private Counter retries(Kind kind) {
		return Counter.builder("mentoring.events.waiting.retries")
			.description("Attempts to apply an event while waiting")
			.tag("consumer", consumerGroup)
			.tag("reason", reasonTag(kind))
			.register(meters);
	}

	private static String reasonTag(Kind kind) {
		return kind == Kind.OUTAGE ? "outage" : "in-progress";
	}

	/** The failure that says what went wrong, without the listener container's wrapping. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof PoisonEventException || cause instanceof Inbox.EventInProgressException) {
				return cause.toString();
			}
		}
		Optional<Throwable> outage = Outages.find(failure);
		if (outage.isPresent()) {
			return outage.get().toString();
		}
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause
				&& cause.getClass().getName().startsWith("org.springframework.kafka")) {
			cause = cause.getCause();
		}
		return cause.toString();
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		return header(record, "ce_type") + " " + header(record, "ce_id") + " from " + record.topic() + "-"
				+ record.partition() + "@" + record.offset();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "record" : new String(header.value(), StandardCharsets.UTF_8);
	}

	private record Wait(Kind kind, Instant since, int retries) {

		Wait again() {
			return new Wait(kind, since, retries + 1);
		}

	}

}
