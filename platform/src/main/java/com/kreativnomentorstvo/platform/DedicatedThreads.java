package com.kreativnomentorstvo.platform;

import java.util.concurrent.ScheduledExecutorService;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A scheduler with one daemon thread of its own, made by Spring's {@link ThreadPoolTaskScheduler}, for
 * the platform's work that must never wait behind an application's scheduled jobs: relaying the outbox,
 * renewing the inbox's leases, closing quiet compacted segments. Its owner starts and stops it with
 * its own lifecycle; everything else schedules on the application's scheduler.
 */
public final class DedicatedThreads {

	private DedicatedThreads() {
	}

	/**
	 * A started scheduler whose one thread carries the name given.
	 * @return its executor, to schedule on and to shut down
	 */
	public static ScheduledExecutorService scheduler(String threadName) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setDaemon(true);
		scheduler.setThreadNamePrefix(threadName + "-");
		scheduler.initialize();
		return scheduler.getScheduledExecutor();
	}

}
