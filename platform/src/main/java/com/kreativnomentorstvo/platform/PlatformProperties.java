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
 * @param store how long the store may take to answer before a request or an event gives up on it
 * @param verifiedTokens bearer tokens whose signature was checked, remembered so that a caller's
 *     next requests skip the RSA verification
 * @param links the links of account e-mails (confirm an address, set a password)
 */
@ConfigurationProperties("mentoring")
public record PlatformProperties(@DefaultValue("local") String instance, @DefaultValue Outbox outbox,
		@DefaultValue Consumer consumer, @DefaultValue Topics topics, @DefaultValue Store store,
		@DefaultValue VerifiedTokens verifiedTokens, @DefaultValue Links links) {

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
	 * @param lease how long one relay holds an aggregate's pending events before another may take
	 *     them; must be longer than a send can take (the producer's {@code max.block.ms} plus the send
	 *     timeout), which is checked at start
	 * @param sendTimeout how long to wait for the broker to acknowledge an event; at least the
	 *     producer's {@code delivery.timeout.ms}, so that the relay never lets go of an event the
	 *     producer may still deliver (checked at start)
	 * @param sweepBatch the most aggregates one sweep relays per collection
	 */
	public record Outbox(@DefaultValue("true") boolean relayImmediately, @DefaultValue("5s") Duration sweepInterval,
			@DefaultValue("2s") Duration sweepGrace, @DefaultValue("30s") Duration lease,
			@DefaultValue("15s") Duration sendTimeout, @DefaultValue("500") int sweepBatch) {
	}

	/**
	 * @param initialBackOff delay before the first retry of a failed event
	 * @param multiplier growth of the delay from one retry to the next
	 * @param maxBackOff longest delay between retries
	 * @param maxRetries retries before an event that keeps failing is parked on the dead-letter topic;
	 *     an event that fails because the store or the broker does not answer is retried without
	 *     limit instead, and poison is parked at once
	 * @param concurrency consumer threads per subscription (at most the partition count is useful)
	 * @param inProgressLease how long an event being applied by one consumer instance blocks others;
	 *     renewed while the handler runs, so it only matters after a crash
	 * @param instanceId names this instance of the service, the same after a restart (empty: the
	 *     host name and the server port, e.g. the pod name); an event this instance was applying when
	 *     it was killed is taken over at once after its restart instead of after the lease
	 */
	public record Consumer(@DefaultValue("500ms") Duration initialBackOff, @DefaultValue("2.0") double multiplier,
			@DefaultValue("10s") Duration maxBackOff, @DefaultValue("6") int maxRetries,
			@DefaultValue("1") int concurrency, @DefaultValue("30s") Duration inProgressLease,
			@DefaultValue("") String instanceId) {
	}

	/**
	 * How long the MongoDB driver waits, so that a request meets an unreachable or frozen store with a
	 * 503 within two seconds instead of a 500 after 30 s. Options in the connection string
	 * ({@code MONGODB_URI}, e.g. {@code ?socketTimeoutMS=}) take precedence.
	 * @param serverSelectionTimeout how long an operation waits for a usable server (and for a free
	 *     connection of the pool)
	 * @param connectTimeout how long opening a connection (and its handshake) may take
	 * @param readTimeout how long one reply may take on an open connection; raise it for a one-off
	 *     job with long-running commands (e.g. building an index on a large collection)
	 * @param heartbeatFrequency how often the driver checks the server, noticing it is back
	 * @param driverRetries whether the driver retries a read or write once by itself after a network
	 *     error; off, because a retry doubles how long a caller waits for a store that does not
	 *     answer, and the platform retries at its edges (a 503 with {@code Retry-After}, consumers
	 *     that wait out an outage, the outbox sweep). Writes stay exactly-once without it: they are
	 *     versioned, conditional or keyed, so a write repeated after a lost reply is refused, not
	 *     applied twice
	 * @param retryAfter what a 503 answered because of the store tells the caller to wait
	 */
	public record Store(@DefaultValue("1s") Duration serverSelectionTimeout, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("1s") Duration readTimeout, @DefaultValue("2s") Duration heartbeatFrequency,
			@DefaultValue("false") boolean driverRetries, @DefaultValue("5s") Duration retryAfter) {
	}

	/**
	 * @param partitions partitions of each event topic; a service scales out up to this many replicas
	 * @param replicationFactor replicas of each partition (1 for a one-broker local stack)
	 * @param create whether services create missing topics at start-up
	 * @param compaction how soon a compacted topic (contact details) forgets a superseded or erased record
	 */
	public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
			@DefaultValue("true") boolean create, @DefaultValue Compaction compaction) {
	}

	/**
	 * The bound within which a compacted topic forgets a record once a later one (or a tombstone)
	 * has the same key: {@code segment + rollCheck + } the broker's cleaner back-off and run.
	 * @param segment the longest a segment stays open ({@code segment.ms}, and
	 *     {@code max.compaction.lag.ms}); only closed segments are compacted
	 * @param tombstoneRetention how long a tombstone itself is kept after compaction
	 *     ({@code delete.retention.ms}), so that a consumer that was away that long still sees it
	 * @param rollCheck how often a service that wrote to a compacted topic checks whether a segment
	 *     is due to be closed; the broker closes a segment only when a record arrives, so the
	 *     service appends one (a tombstone of a reserved key) when the topic has been quiet
	 */
	public record Compaction(@DefaultValue("1h") Duration segment, @DefaultValue("1d") Duration tombstoneRetention,
			@DefaultValue("1m") Duration rollCheck) {
	}

}
