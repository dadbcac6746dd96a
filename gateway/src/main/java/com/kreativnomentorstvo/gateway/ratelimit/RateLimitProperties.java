package com.kreativnomentorstvo.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How many requests one caller may make ({@code mentoring.gateway.rate-limits}). Each limit is a
 * token bucket: {@code capacity} requests at once, refilled evenly over {@code period}.
 *
 * @param enabled whether requests are counted at all
 * @param organisation shared by every token of one organisation (the {@code org} claim)
 * @param client one calling application acting for one subject ({@code azp} or {@code client_id},
 * and {@code sub})
 * @param anonymous requests without a token, per remote address
 * @param redisUrl a Redis URL ({@code redis://host:6379}) to keep the buckets in, so that several
 * gateway replicas share them; empty keeps them in this process
 */
@ConfigurationProperties("mentoring.gateway.rate-limits")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Valid @NotNull Limit organisation,
		@Valid @NotNull Limit client, @Valid @NotNull Limit anonymous, String redisUrl) {

	/** Whether the buckets live in Redis. */
	public boolean shared() {
		return redisUrl != null && !redisUrl.isBlank();
	}

	/**
	 * One limit.
	 *
	 * @param capacity requests allowed at once (the burst)
	 * @param period the time in which a spent capacity is fully refilled
	 */
	public record Limit(@Positive long capacity, @NotNull Duration period) {
	}

}
