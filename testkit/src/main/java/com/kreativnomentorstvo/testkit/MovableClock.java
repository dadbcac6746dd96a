package com.kreativnomentorstvo.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock for tests that moves forward when told (never back, so leases, back-offs and expiries
 * only ever fall due earlier). In UTC, whatever zone is asked for.
 *
 * <p>Two kinds, because tests need both: {@link #MovableClock() one that runs} with real time plus
 * the offset it was moved by, for a running service whose background work must still see time pass;
 * and {@link #stoppedAt(Instant) one that stands still} between moves, for a unit that is asked at
 * exact moments. One class for both, so that every module moves time the same way.
 */
public final class MovableClock extends Clock {

	private final Supplier<Instant> base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** A clock at real time, moved forward by {@link #advance} and {@link #advanceTo}. */
	public MovableClock() {
		this(Instant::now);
	}

	private MovableClock(Supplier<Instant> base) {
		this.base = base;
	}

	/** A clock that stands at the instant given and moves only when told. */
	public static MovableClock stoppedAt(Instant instant) {
		return new MovableClock(() -> instant);
	}

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
		return base.get().plus(offset.get());
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
