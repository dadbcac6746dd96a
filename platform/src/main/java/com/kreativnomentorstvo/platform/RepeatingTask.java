package com.kreativnomentorstvo.platform;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Platform work repeated with a fixed delay on a {@link DedicatedThreads dedicated thread} of its
 * own, which its owner starts and stops from its {@code SmartLifecycle}: the outbox's sweep, the
 * compacted topics' roll check. Written once so that every such loop starts, stops and reports
 * whether it runs the same way.
 *
 * <p>Stopping interrupts the task and drops what is queued; a task that must not be cut off in the
 * middle of a step (a send to the broker) asks for a wait, which {@link #stop()} grants up to the
 * time given before it returns.
 */
public final class RepeatingTask {

	private final String threadName;

	private final Runnable task;

	private final Duration initialDelay;

	private final Duration delay;

	private final Duration stopWaitsAtMost;

	private volatile ScheduledExecutorService executor;

	/**
	 * @param threadName the name of the task's thread
	 * @param task what is repeated; it handles its own failures (a task that throws is not repeated)
	 * @param initialDelay how long after {@link #start()} it first runs
	 * @param delay the time between the end of one run and the start of the next
	 * @param stopWaitsAtMost how long {@link #stop()} waits for a run under way to end; zero not to wait
	 */
	public RepeatingTask(String threadName, Runnable task, Duration initialDelay, Duration delay,
			Duration stopWaitsAtMost) {
		this.threadName = threadName;
		this.task = task;
		this.initialDelay = initialDelay;
		this.delay = delay;
		this.stopWaitsAtMost = stopWaitsAtMost;
	}

	/** Starts the thread and the repetition. */
	public void start() {
		ScheduledExecutorService started = DedicatedThreads.scheduler(threadName);
		started.scheduleWithFixedDelay(task, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
		executor = started;
	}

	/** Stops the repetition and the thread, waiting for a run under way as long as asked; a no-op when stopped. */
	public void stop() {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current != null) {
			current.shutdownNow();
			try {
				current.awaitTermination(stopWaitsAtMost.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Whether it was started and not stopped since. */
	public boolean isRunning() {
		return executor != null;
	}

	/**
	 * Runs other work once on the task's thread, between its runs.
	 * @throws RejectedExecutionException while stopped, or while stopping
	 */
	public void execute(Runnable work) {
		ScheduledExecutorService current = executor;
		if (current == null) {
			throw new RejectedExecutionException(threadName + " is stopped");
		}
		current.execute(work);
	}

}
