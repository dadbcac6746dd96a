package com.kreativnomentorstvo.platform.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a read-change-write again, on a fresh read, when someone else wrote the same record in between:
 * the one way every service retries an optimistic-lock conflict (Spring's {@link RetryTemplate}), with
 * the same limit and a short, jittered pause, so that two writers that collided do not collide again.
 *
 * <p>The work given must read what it changes: a retry of a write alone would repeat the stale copy.
 * When the conflict outlasts every attempt, the last conflict is thrown as it was (the API answers it
 * as a 409 problem; a consumer's handler is retried by its subscription).
 */
public final class Conflicts {

	/** How many times the work runs at most, the first one included. */
	public static final int ATTEMPTS = 5;

	private static final RetryTemplate ON_OPTIMISTIC_LOCKS = template(List.of());

	/** One template per set of other failures named, made once. */
	private static final Map<List<Class<? extends RuntimeException>>, RetryTemplate> ALSO_ON = new ConcurrentHashMap<>();

	private Conflicts() {
	}

	/**
	 * Runs the read-change-write, again while it fails on an optimistic-lock conflict.
	 * @return what the last run returned
	 */
	public static <T> T retry(Supplier<T> readChangeWrite) {
		return ON_OPTIMISTIC_LOCKS.invoke(readChangeWrite);
	}

	/** Runs the read-change-write, again while it fails on an optimistic-lock conflict. */
	public static void retry(Runnable readChangeWrite) {
		ON_OPTIMISTIC_LOCKS.invoke(readChangeWrite);
	}

	/**
	 * Runs the read-change-write, again while it fails on an optimistic-lock conflict or on one of the
	 * other failures named, e.g. a duplicate key when a concurrent writer created the record first.
	 * @return what the last run returned
	 */
	@SafeVarargs
	public static <T> T retry(Supplier<T> readChangeWrite, Class<? extends RuntimeException>... alsoOn) {
		return ALSO_ON.computeIfAbsent(List.of(alsoOn), Conflicts::template).invoke(readChangeWrite);
	}

	private static RetryTemplate template(List<Class<? extends RuntimeException>> alsoOn) {
		List<Class<? extends Throwable>> conflicts = new ArrayList<>(alsoOn);
		conflicts.add(OptimisticLockingFailureException.class);
		return new RetryTemplate(RetryPolicy.builder()
			.includes(conflicts)
			.maxRetries(ATTEMPTS - 1)
			.delay(Duration.ofMillis(4))
			.jitter(Duration.ofMillis(4))
			.multiplier(2)
			.maxDelay(Duration.ofMillis(100))
			.build());
	}

}
