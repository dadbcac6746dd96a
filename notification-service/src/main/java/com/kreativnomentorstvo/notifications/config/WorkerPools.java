package com.kreativnomentorstvo.notifications.config;

import java.time.Duration;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A feature's own pool of worker threads (e-mail, webhooks), made with Boot's builder: a fixed
 * number of daemon threads that end after a minute without work. Its owner shuts it down. A feature's
 * own rather than a bean: an {@code Executor} bean would replace the application task executor that
 * Boot otherwise provides.
 */
public final class WorkerPools {

	private WorkerPools() {
	}

	/**
	 * @param queue how many tasks may wait for a thread; more are refused
	 *     ({@link java.util.concurrent.RejectedExecutionException})
	 */
	public static ThreadPoolTaskExecutor start(ThreadPoolTaskExecutorBuilder builder, int threads, int queue,
			String namePrefix) {
		ThreadPoolTaskExecutor pool = builder.corePoolSize(threads)
			.maxPoolSize(threads)
			.queueCapacity(queue)
			.allowCoreThreadTimeOut(true)
			.keepAlive(Duration.ofMinutes(1))
			.threadNamePrefix(namePrefix)
			.build();
		pool.setDaemon(true);
		pool.initialize();
		return pool;
	}

}
