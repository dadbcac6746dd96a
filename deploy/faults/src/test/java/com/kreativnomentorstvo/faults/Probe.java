package com.kreativnomentorstvo.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads through the gateway, one service at a time, four times a second per service, for the whole
 * run: the latency a person sees. From it come each service's baseline (the median before any
 * fault), the recovery time after each fault (until every service's median over a few seconds is
 * back within 2x of its baseline), and how requests were answered while the store was away.
 */
final class Probe implements AutoCloseable {

	static final Duration WINDOW = Duration.ofSeconds(5);

	private final Api api;

	private final Map<String, String> paths;

	private final Supplier<String> token;

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService executor;

	/** One read and how it was answered. */
	record Sample(String service, Instant at, long millis, int status, boolean retryAfter) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	/** @param paths a cheap read per service, through the gateway */
	Probe(Api api, Map<String, String> paths, Supplier<String> token) {
		this.api = api;
		this.paths = paths;
		this.token = token;
		this.executor = Executors.newScheduledThreadPool(paths.size(), runnable -> {
			Thread thread = new Thread(runnable, "probe");
			thread.setDaemon(true);
			return thread;
		});
	}

	void start() {
		paths.forEach((service, path) -> executor.scheduleWithFixedDelay(() -> {
			Instant at = Instant.now();
			Api.Response response = api.get(path, token.get());
			samples.add(new Sample(service, at, response.millis(), response.status(),
					response.header("Retry-After").isPresent()));
		}, 0, 250, TimeUnit.MILLISECONDS));
	}

	List<Sample> between(Instant from, Instant to) {
		return samples.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
	}

	/** Each service's median latency of successful reads in the interval. */
	Map<String, Long> medians(Instant from, Instant to) {
		Map<String, Long> medians = new java.util.TreeMap<>();
		for (String service : paths.keySet()) {
			List<Long> millis = between(from, to).stream()
				.filter(s -> s.service().equals(service) && s.ok())
				.map(Sample::millis)
				.sorted()
				.toList();
			if (!millis.isEmpty()) {
				medians.put(service, millis.get(millis.size() / 2));
			}
		}
		return medians;
	}

	/**
	 * The first moment after {@code from} from which, for a window, every service answered every
	 * read with a median within 2x of its baseline; empty if there was none before {@code until}.
	 */
	java.util.Optional<Instant> recoveredAt(Map<String, Long> baseline, Instant from, Instant until) {
		List<Sample> after = new ArrayList<>(between(from, until));
		after.sort(Comparator.comparing(Sample::at));
		for (Instant start = from; !start.plus(WINDOW).isAfter(until); start = start.plusMillis(500)) {
			Instant end = start.plus(WINDOW);
			boolean good = true;
			for (String service : paths.keySet()) {
				List<Sample> window = after.stream()
					.filter(s -> s.service().equals(service) && !s.at().isBefore(end.minus(WINDOW))
							&& s.at().isBefore(end))
					.toList();
				List<Long> millis = window.stream().filter(Sample::ok).map(Sample::millis).sorted().toList();
				if (window.size() < 3 || millis.size() < window.size()
						|| millis.get(millis.size() / 2) > 2 * baseline.getOrDefault(service, Long.MAX_VALUE / 4)) {
					good = false;
					break;
				}
			}
			if (good) {
				return java.util.Optional.of(start);
			}
		}
		return java.util.Optional.empty();
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
