package com.kreativnomentorstvo.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every service, under {@code mentoring.*}.
 *
 * @param instance the deployment this service belongs to (one per partner instance); part of
 *     every event's {@code source}
 * @param outbox how pending events are relayed to Kafka
 * @param consumer how incoming events are retried before they are parked as dead letters
 * @param topics how the platform's topics are created
 * @param verifiedTokens bearer tokens whose signature was checked, remembered so that a caller's
 *     next requests skip the RSA verification
 * @param links the links of account e-mails (confirm an address, set a password)
 */
@ConfigurationProperties("mentoring")
public record PlatformProperties(@DefaultValue("local") String instance, @DefaultValue Outbox outbox,
		@DefaultValue Consumer consumer, @DefaultValue Topics topics, @DefaultValue VerifiedTokens verifiedTokens,
		@DefaultValue Links links) {

	/**
	 * @param secret signs the links of account e-mails; participant-service (which checks them) and
	 *     notification-service (which writes them) must share it. Set it per instance
	 *     ({@code LINK_SECRET}); the default is for local development only.
	 */
	public record Links(@DefaultValue("local-development-only-link-secret") String secret) {
	}

	/**
	 * @param maximum how many tokens are remembered at most (about 2 KB each)
	 * @param forAtMost how long one is remembered at most (never past its {@code exp}); a key the
	 *     issuer withdraws stops being trusted for remembered tokens after this time
	 */
	public record VerifiedTokens(@DefaultValue("10000") int maximum, @DefaultValue("5m") Duration forAtMost) {
	}

	/**
	 * @param relayImmediately publish right after the write that stored the events
	 * @param sweepInterval how often the sweep looks for events left behind (e.g. after a crash)
	 * @param sweepGrace how old a pending event must be before the sweep takes it over from the
	 *     immediate relay
	 * @param lease how long one relay holds an aggregate's pending events before another may take them
	 * @param sendTimeout how long to wait for the broker to acknowledge an event
	 * @param sweepBatch the most aggregates one sweep relays per collection
	 */
	public record Outbox(@DefaultValue("true") boolean relayImmediately, @DefaultValue("5s") Duration sweepInterval,
			@DefaultValue("2s") Duration sweepGrace, @DefaultValue("30s") Duration lease,
			@DefaultValue("10s") Duration sendTimeout, @DefaultValue("500") int sweepBatch) {
	}

	/**
	 * @param initialBackOff delay before the first retry of a failed event
	 * @param multiplier growth of the delay from one retry to the next
	 * @param maxBackOff longest delay between retries
	 * @param maxRetries retries before the event is parked on the dead-letter topic
	 * @param concurrency consumer threads per subscription (at most the partition count is useful)
	 * @param inProgressLease how long an event being applied by one consumer instance blocks others
	 */
	public record Consumer(@DefaultValue("500ms") Duration initialBackOff, @DefaultValue("2.0") double multiplier,
			@DefaultValue("10s") Duration maxBackOff, @DefaultValue("6") int maxRetries,
			@DefaultValue("1") int concurrency, @DefaultValue("2m") Duration inProgressLease) {
	}

	/**
	 * @param partitions partitions of each event topic; a service scales out up to this many replicas
	 * @param replicationFactor replicas of each partition (1 for a one-broker local stack)
	 * @param create whether services create missing topics at start-up
	 */
	public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
			@DefaultValue("true") boolean create) {
	}

}
