package com.kreativnomentorstvo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Several gateway replicas keep their buckets in one Redis server and so share every limit. Runs
 * against a real {@code redis-server} started here; skipped on a machine without one.
 */
@EnabledIf(value = "redisServerInstalled", disabledReason = "no redis-server on this machine (apt-get install redis-server)")
class SharedRateLimitsIT {

	private static RedisServer redis;

	private final RateLimitProperties.Limit fivePerHour = new RateLimitProperties.Limit(5, Duration.ofHours(1));

	static boolean redisServerInstalled() {
		return RedisServer.binary().isPresent();
	}

	@BeforeAll
	static void startRedis() throws Exception {
		redis = RedisServer.start(RedisServer.binary().orElseThrow());
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void twoReplicasDrawFromTheSameBucket() throws Exception {
		String key = "org:" + UUID.randomUUID();
		try (Buckets first = BucketStores.inRedis(redis.url()); Buckets second = BucketStores.inRedis(redis.url())) {
			List<Boolean> allowed = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				allowed.add(first.take(key, fivePerHour).block().allowed());
				allowed.add(second.take(key, fivePerHour).block().allowed());
			}

			assertThat(allowed).containsExactly(true, true, true, true, true, false, false, false);
			assertThat(second.take(key, fivePerHour).block().retryAfter()).isPositive();
		}
	}

	@Test
	void theGatewayKeepsItsBucketsInRedisWhenARedisUrlIsConfigured() {
		new ApplicationContextRunner().withUserConfiguration(StoreUnderTest.class)
			.withPropertyValues("mentoring.gateway.rate-limits.redis-url=" + redis.url(),
					"mentoring.gateway.rate-limits.organisation.capacity=5",
					"mentoring.gateway.rate-limits.organisation.period=1h",
					"mentoring.gateway.rate-limits.client.capacity=5", "mentoring.gateway.rate-limits.client.period=1h",
					"mentoring.gateway.rate-limits.anonymous.capacity=5",
					"mentoring.gateway.rate-limits.anonymous.period=1h")
			.run(context -> {
				String key = "org:" + UUID.randomUUID();
				context.getBean(Buckets.class).take(key, fivePerHour).block();

				assertThat(keysInRedis()).contains(BucketStores.REDIS_KEY_PREFIX + key);
			});
	}

	@Test
	void requestsPassWhileTheSharedStoreIsDown() throws Exception {
		RedisServer shortLived = RedisServer.start(RedisServer.binary().orElseThrow());
		RateLimitProperties limits = new RateLimitProperties(true, fivePerHour, fivePerHour,
				new RateLimitProperties.Limit(1, Duration.ofHours(1)), shortLived.url());
		try (Buckets buckets = BucketStores.inRedis(shortLived.url())) {
			RateLimiting rateLimiting = new RateLimiting(limits, buckets);
			shortLived.close();

			for (int i = 0; i < 3; i++) {
				MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/asyncapi.yaml"));
				rateLimiting.filter().filter(exchange, passed -> {
					passed.getResponse().setStatusCode(HttpStatus.OK);
					return Mono.empty();
				}).block(Duration.ofSeconds(30));

				assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
			}
		}
	}

	private static List<String> keysInRedis() {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(BucketStores.REDIS_KEY_PREFIX + "*");
		}
		finally {
			client.shutdown();
		}
	}

	@EnableConfigurationProperties(RateLimitProperties.class)
	static class StoreUnderTest extends BucketStores {

	}

}
