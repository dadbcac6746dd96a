package com.kreativnomentorstvo.notifications.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time plus an offset that tests move forward (never back, so
 * leases and back-offs only ever fall due earlier).
 */
public class MovableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("the clock only moves forward");
		}
		offset.accumulateAndGet(duration, Duration::plus);
	}

	/** Moves the clock to the instant, if it is in the clock's future. */
	public void advanceTo(Instant instant) {
		Duration ahead = Duration.between(instant(), instant);
		if (!ahead.isNegative()) {
			advance(ahead);
		}
	}

}
