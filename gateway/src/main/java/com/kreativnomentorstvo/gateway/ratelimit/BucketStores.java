package com.kreativnomentorstvo.gateway.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/** Where the buckets live: this process by default, Redis when {@code redis-url} is set. */
@Configuration(proxyBeanMethods = false)
class BucketStores {

	private static final Logger log = LoggerFactory.getLogger(BucketStores.class);

	/** Keys in Redis start with this, so the gateway's keys are recognisable in a shared server. */
	static final String REDIS_KEY_PREFIX = "mentoring:rate-limit:";

	/** A full bucket is the same as no bucket: drop it a little after it refilled. */
	private static final ExpirationAfterWriteStrategy EXPIRY = ExpirationAfterWriteStrategy
		.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

	@Bean(destroyMethod = "close")
	Buckets buckets(RateLimitProperties limits) {
		if (limits.shared()) {
			log.info("rate limits are kept in Redis and shared by every gateway replica");
			return inRedis(limits.redisUrl());
		}
		return inMemory();
	}

	static Buckets inMemory() {
		return new Buckets(Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
			.expirationAfterWrite(EXPIRY)
			.build(), null);
	}

	static Buckets inRedis(String redisUrl) {
		RedisClient client = RedisClient.create(redisUrl);
		StatefulRedisConnection<String, byte[]> connection = client
			.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		return new Buckets(Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(EXPIRY)
			.requestTimeout(Duration.ofSeconds(1))
			.build()
			.withMapper((String key) -> REDIS_KEY_PREFIX + key), () -> {
				connection.close();
				client.shutdown();
			});
	}

}
