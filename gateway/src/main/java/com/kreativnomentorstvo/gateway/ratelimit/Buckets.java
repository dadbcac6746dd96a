package com.kreativnomentorstvo.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import reactor.core.publisher.Mono;

/**
 * Token buckets by key, kept by Bucket4j: in this process (Caffeine) or in Redis (Lettuce), where
 * every gateway replica draws from the same bucket.
 */
class Buckets implements AutoCloseable {

	private final ProxyManager<String> buckets;

	private final AutoCloseable connection;

	private final Map<RateLimitProperties.Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	Buckets(ProxyManager<String> buckets, AutoCloseable connection) {
		this.buckets = buckets;
		this.connection = connection;
	}

	/** Takes one token from the key's bucket, creating the bucket full on first use. */
	Mono<Verdict> take(String key, RateLimitProperties.Limit limit) {
		BucketConfiguration configuration = configurations.computeIfAbsent(limit, Buckets::configuration);
		if (buckets.isAsyncModeSupported()) {
			return Mono.fromFuture(() -> buckets.asAsync()
				.builder()
				.build(key, () -> CompletableFuture.completedFuture(configuration))
				.tryConsumeAndReturnRemaining(1)).map(Verdict::of);
		}
		return Mono.fromSupplier(
				() -> Verdict.of(buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1)));
	}

	private static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
			.build();
	}

	@Override
	public void close() throws Exception {
		if (connection != null) {
			connection.close();
		}
	}

	/**
	 * The outcome of taking a token.
	 *
	 * @param allowed whether there was one
	 * @param remaining tokens left in the bucket
	 * @param retryAfter how long until the next token, when there was none
	 */
	record Verdict(boolean allowed, long remaining, Duration retryAfter) {

		static final Verdict UNCOUNTED = new Verdict(true, Long.MAX_VALUE, Duration.ZERO);

		static Verdict of(ConsumptionProbe probe) {
			return new Verdict(probe.isConsumed(), probe.getRemainingTokens(),
					Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}

	}

}
