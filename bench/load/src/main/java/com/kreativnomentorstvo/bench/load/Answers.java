package com.kreativnomentorstvo.bench.load;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The unexpected answers of a load, counted by status code or by the failure's name. */
final class Answers {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void add(Throwable failure, HttpResponse<?> response) {
		if (failure != null) {
			Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
			add(cause.getClass().getSimpleName());
		}
		else {
			add(Integer.toString(response.statusCode()));
		}
	}

	void add(String answer) {
		add(answer, 1);
	}

	void add(String answer, long times) {
		counts.computeIfAbsent(answer, a -> new LongAdder()).add(times);
	}

	Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.counts.forEach((answer, count) -> counts.put(answer, count.sum()));
		return counts;
	}

}
