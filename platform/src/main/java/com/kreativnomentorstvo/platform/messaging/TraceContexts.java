package com.kreativnomentorstvo.platform.messaging;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries W3C trace context across the broker: the trace of the request that recorded an event
 * travels in the event's {@code traceparent} extension, and the consumer continues that trace
 * while it applies the event, so one request can be followed through every event it caused.
 */
public class TraceContexts {

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	public TraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The {@code traceparent} of the current span, or {@code null} outside any trace. */
	public String currentTraceparent() {
		Tracer current = tracer.getIfAvailable();
		Span span = current == null ? null : current.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

	/** Runs the work in a consumer span that continues the given trace (or starts one). */
	public void continueFrom(String traceparent, String spanName, Runnable work) {
		Tracer current = tracer.getIfAvailable();
		Propagator propagation = propagator.getIfAvailable();
		if (current == null || propagation == null) {
			work.run();
			return;
		}
		Span.Builder builder = traceparent == null ? current.spanBuilder()
				: propagation.extract(traceparent, (carrier, key) -> "traceparent".equals(key) ? carrier : null);
		Span span = builder.name(spanName).kind(Span.Kind.CONSUMER).start();
		try (Tracer.SpanInScope scope = current.withSpan(span)) {
			work.run();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
