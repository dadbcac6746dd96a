package com.kreativnomentorstvo.notifications.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.config.WorkerPools;

/**
 * The workers webhook requests are made on, and the places each endpoint holds on them: a pool of
 * {@code webhooks.workers} threads (Spring's {@link ThreadPoolTaskExecutor}, made with Boot's
 * builder and shut down with the application), of which at most {@code webhooks.per-endpoint} serve
 * one endpoint (subscription) at a time on this instance, so that a slow, silent or hostile
 * endpoint holds a few workers and no more.
 *
 * <p>The pool is this feature's own ({@link WorkerPools}).
 */
@Component
class WebhookWorkers implements DisposableBean {

	private final ThreadPoolTaskExecutor pool;

	private final int perEndpoint;

	/** Deliveries in flight on this instance, per subscription. */
	private final Map<String, Integer> inFlight = new HashMap<>();

	WebhookWorkers(ThreadPoolTaskExecutorBuilder builder, NotificationProperties properties) {
		NotificationProperties.Webhooks settings = properties.webhooks();
		int size = Math.max(1, settings.workers());
		this.pool = WorkerPools.start(builder, size, Integer.MAX_VALUE, "webhook-");
		this.perEndpoint = settings.perEndpoint();
	}

	/**
	 * What is free now.
	 * @param worker whether a worker is free
	 * @param fullEndpoints the endpoints that hold all their places
	 */
	record Free(boolean worker, Set<String> fullEndpoints) {
	}

	Free free() {
		synchronized (inFlight) {
			return new Free(busy() < pool.getMaxPoolSize(), inFlight.entrySet()
				.stream()
				.filter(e -> e.getValue() >= perEndpoint)
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet()));
		}
	}

	/**
	 * Takes one of the endpoint's places, if it has one free and a worker is free.
	 * @return whether it was taken; if so, {@link #run} the work there
	 */
	boolean enter(String subscriptionId) {
		synchronized (inFlight) {
			int current = inFlight.getOrDefault(subscriptionId, 0);
			if (current >= perEndpoint || busy() >= pool.getMaxPoolSize()) {
				return false;
			}
			inFlight.put(subscriptionId, current + 1);
			return true;
		}
	}

	/**
	 * Does the work on a worker, in the endpoint's place taken with {@link #enter}, and gives the
	 * place back when it is done.
	 * @throws RejectedExecutionException while the application shuts down (the place is given back)
	 */
	void run(String subscriptionId, Runnable work) {
		run(subscriptionId, work, () -> {
		});
	}

	/**
	 * As {@link #run(String, Runnable)}, then, on the same worker once the place is given back,
	 * {@code then} (for instance handing over what waits for the places just freed).
	 */
	void run(String subscriptionId, Runnable work, Runnable then) {
		try {
			pool.execute(() -> {
				try {
					work.run();
				}
				finally {
					leave(subscriptionId);
				}
				then.run();
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			leave(subscriptionId);
			throw shuttingDown;
		}
	}

	@Override
	public void destroy() {
		pool.shutdown();
	}

	private void leave(String subscriptionId) {
		synchronized (inFlight) {
			inFlight.computeIfPresent(subscriptionId, (id, count) -> count <= 1 ? null : count - 1);
		}
	}

	private int busy() {
		synchronized (inFlight) {
			return inFlight.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

}
