package com.kreativnomentorstvo.bench.load;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one run of a load gave: how many requests were sent and answered as expected, over how long,
 * and their latencies in microseconds.
 *
 * @param name what was driven
 * @param sent requests sent
 * @param expected answers with the expected status
 * @param unexpected failures, unexpected statuses and requests left unanswered at the end
 * @param elapsed from the first request due until the last answer
 * @param unexpectedByAnswer the unexpected ones by status code, or by the failure's name
 * @param latencies microseconds; for an open load measured from when each request was due, so a
 *     stalled server counts against every request it held up (no coordinated omission)
 */
record Figures(String name, long sent, long expected, long unexpected, Map<String, Long> unexpectedByAnswer,
		Duration elapsed, Histogram latencies) {

	/** The latency at the percentile, in milliseconds. */
	double millis(double percentile) {
		return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
	}

	/** Answers per second over the whole run. */
	double throughput() {
		return expected / (elapsed.toNanos() / 1e9);
	}

}
