package com.kreativnomentorstvo.participants.onboarding;

import java.time.Duration;
import java.util.Locale;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.platform.web.ProblemText;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Limits what anyone can do without an account: applications and password resets per e-mail
 * address and per client (network address), so that nobody floods a person's mailbox or the
 * coordinators' queue. Token buckets (Bucket4j) kept in memory per instance; with several
 * instances each keeps its own, which multiplies the limit by their number at most.
 */
@Component
public class RequestLimits {

	private final Cache<String, Bucket> buckets;

	private final ParticipantServiceProperties.Applications limits;

	RequestLimits(ParticipantServiceProperties properties) {
		this.limits = properties.applications();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(limits.period().multipliedBy(2))
			.build();
	}

	/**
	 * Counts one request of the kind from the address and the client.
	 * @throws TooManyRequests naming {@code email} or the client, with when to try again
	 */
	void count(String kind, String email, String client) {
		take(kind + ":address:" + email.strip().toLowerCase(Locale.ROOT), limits.perAddress(), "email",
				ProblemText.of("onboarding.too-many-for-address"));
		if (client != null) {
			take(kind + ":client:" + client, limits.perClient(), "client",
					ProblemText.of("onboarding.too-many-from-network"));
		}
	}

	/**
	 * Counts one request of the kind from the client alone, against its own limit (a public look-up
	 * such as a certificate's verification).
	 * @throws TooManyRequests naming {@code client}, with when to try again
	 */
	public void countFromClient(String kind, String client, int capacity, Duration period) {
		take(kind + ":client:" + client, capacity, period, "client", ProblemText.of("onboarding.too-many-from-network"));
	}

	private void take(String key, int capacity, String field, ProblemText text) {
		take(key, capacity, limits.period(), field, text);
	}

	private void take(String key, int capacity, Duration period, String field, ProblemText text) {
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequests(field, text,
					Duration.ofNanos(probe.getNanosToWaitForRefill()).truncatedTo(ChronoUnit.SECONDS)
						.plusSeconds(1));
		}
	}

}
