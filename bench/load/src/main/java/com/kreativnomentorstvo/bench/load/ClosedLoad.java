package com.kreativnomentorstvo.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * A closed load: a fixed number of connections, each sending its next request as soon as the last
 * is answered, for the most a server can answer (its saturation throughput). Its latencies are
 * those of a saturated server and say little else.
 */
final class ClosedLoad {

	private final HttpClient client;

	ClosedLoad(HttpClient client) {
		this.client = client;
	}

	Figures run(String name, int connections, Duration duration, Requests requests) throws InterruptedException {
		return run(name, connections, duration, Long.MAX_VALUE, requests);
	}

	/**
	 * Until the time is up or this many requests have been sent. Connection {@code c} of {@code n}
	 * sends requests number c, c + n, c + 2n, ...: one after the other, never two at once.
	 */
	Figures run(String name, int connections, Duration duration, long most, Requests requests)
			throws InterruptedException {
		Recorder recorder = new Recorder(3);
		AtomicLong sentCount = new AtomicLong();
		AtomicLong expected = new AtomicLong();
		AtomicLong unexpected = new AtomicLong();
		Answers answers = new Answers();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> senders = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			int connection = i;
			Thread sender = new Thread(() -> {
				for (long n = connection; n < most && System.nanoTime() < end; n += connections) {
					sentCount.incrementAndGet();
					long sent = System.nanoTime();
					boolean ok;
					try {
						HttpResponse<String> response = client.send(requests.request(n), BodyHandlers.ofString());
						ok = requests.answered(n, response);
						if (!ok) {
							answers.add(null, response);
						}
					}
					catch (IOException ex) {
						ok = false;
						answers.add(ex, null);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
					(ok ? expected : unexpected).incrementAndGet();
				}
			}, "closed-load-" + i);
			sender.start();
			senders.add(sender);
		}
		for (Thread sender : senders) {
			sender.join();
		}
		return new Figures(name, sentCount.get(), expected.get(), unexpected.get(), answers.counts(),
				Duration.ofNanos(System.nanoTime() - start), recorder.getIntervalHistogram());
	}

}
