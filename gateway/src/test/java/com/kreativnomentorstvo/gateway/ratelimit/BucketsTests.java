package com.kreativnomentorstvo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BucketsTests {

	private final Buckets buckets = BucketStores.inMemory();

	private final RateLimitProperties.Limit threePerHour = new RateLimitProperties.Limit(3, Duration.ofHours(1));

	@Test
	void aBucketAllowsItsCapacityThenSaysHowLongToWait() {
		for (int i = 2; i >= 0; i--) {
			Buckets.Verdict verdict = buckets.take("org:a", threePerHour).block();
			assertThat(verdict.allowed()).isTrue();
			assertThat(verdict.remaining()).isEqualTo(i);
		}

		Buckets.Verdict refused = buckets.take("org:a", threePerHour).block();

		assertThat(refused.allowed()).isFalse();
		// one token comes back every 20 minutes
		assertThat(refused.retryAfter()).isGreaterThan(Duration.ofMinutes(19)).isLessThanOrEqualTo(Duration.ofMinutes(20));
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		for (int i = 0; i < 3; i++) {
			buckets.take("org:b", threePerHour).block();
		}

		assertThat(buckets.take("org:b", threePerHour).block().allowed()).isFalse();
		assertThat(buckets.take("org:c", threePerHour).block().allowed()).isTrue();
	}

}
