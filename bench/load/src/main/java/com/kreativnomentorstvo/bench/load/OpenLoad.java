package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open load: requests go out at a constant rate whatever the pace of the answers, as people
 * arriving at a service do. Each latency is measured from when its request was due, not from when
 * it could be sent, so a server that stalls counts against every request it held up
 * (the coordinated omission a closed load with a fixed number of connections hides).
 */
final class OpenLoad {

	/** Requests still unanswered beyond this are not sent; they count as unexpected. */
	private static final int MOST_OUTSTANDING = 4_000;

	private final HttpClient client;

	OpenLoad(HttpClient client) {
		this.client = client;
	}

	Figures run(String name, double perSecond, Duration duration, Requests requests) throws InterruptedException {
		long period = Math.round(1e9 / perSecond);
		long count = Math.round(duration.toNanos() / 1e9 * perSecond);
		Recorder recorder = new Recorder(3);
		AtomicLong expected = new AtomicLong();
		AtomicLong unexpected = new AtomicLong();
		Answers answers = new Answers();
		Semaphore outstanding = new Semaphore(MOST_OUTSTANDING);
		AtomicLong lastAnswer = new AtomicLong();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		for (long number = 0; number < count; number++) {
			long due = start + number * period;
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			if (!outstanding.tryAcquire()) {
				unexpected.incrementAndGet();
				answers.add("not sent: too many unanswered");
				continue;
			}
			long n = number;
			client.sendAsync(requests.request(n), BodyHandlers.ofString()).whenComplete((response, failure) -> {
				long now = System.nanoTime();
				recorder.recordValue(Math.max(1, (now - due) / 1000));
				lastAnswer.accumulateAndGet(now, Math::max);
				boolean ok = failure == null && requests.answered(n, response);
				(ok ? expected : unexpected).incrementAndGet();
				if (!ok) {
					answers.add(failure, response);
				}
				outstanding.release();
			});
		}
		// the answers still on their way, for at most a minute
		boolean all = outstanding.tryAcquire(MOST_OUTSTANDING, 60, TimeUnit.SECONDS);
		long unanswered = all ? 0 : MOST_OUTSTANDING - outstanding.availablePermits();
		Histogram latencies = recorder.getIntervalHistogram();
		Duration elapsed = Duration.ofNanos(Math.max(lastAnswer.get(), start + (count - 1) * period) - start);
		if (unanswered > 0) {
			answers.add("unanswered after a minute", unanswered);
		}
		return new Figures(name, count, expected.get(), unexpected.get() + unanswered, answers.counts(), elapsed,
				latencies);
	}

}
