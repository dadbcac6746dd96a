package com.kreativnomentorstvo.notifications.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One counter per outcome of a delivery channel, tagged {@code outcome}. All of them are registered
 * when the service starts, so dashboards and alerts see every outcome at zero before it first
 * happens.
 */
public final class Outcomes {

	private final Map<String, Counter> counters = new LinkedHashMap<>();

	public Outcomes(MeterRegistry meters, String name, String description, String... outcomes) {
		for (String outcome : outcomes) {
			counters.put(outcome,
					Counter.builder(name).description(description).tag("outcome", outcome).register(meters));
		}
	}

	/** Counts one occurrence of the outcome (one of those given at start-up). */
	public void count(String outcome) {
		Counter counter = counters.get(outcome);
		if (counter == null) {
			throw new IllegalArgumentException("not an outcome of this channel: " + outcome);
		}
		counter.increment();
	}

}
