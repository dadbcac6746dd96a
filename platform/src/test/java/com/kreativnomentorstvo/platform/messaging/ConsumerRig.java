package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.kreativnomentorstvo.platform.DefaultsAutoConfiguration;
import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.testkit.SharedKafka;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One consumer process of a service, as the platform builds it, for tests that start, stop and
 * "kill" consumers on their own: its own consumer group, inbox and store connection, on the shared
 * broker. Killing it stops what a killed process stops (its lease renewals; its consumer leaves
 * the group once it is no longer polling) without running anything a shutdown would.
 */
final class ConsumerRig implements AutoCloseable {

	static final PlatformProperties.Consumer SETTINGS = new PlatformProperties.Consumer(Duration.ofMillis(100), 2.0,
			Duration.ofSeconds(1), 3, 1, Duration.ofSeconds(30), "");

	final Inbox inbox;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SubscriptionContainers containers;

	private final MongoClient client;

	private ConsumerRig(Subscriptions subscriptions, Inbox inbox, MongoClient client, Platform platform,
			Map<String, Object> consumerOverrides) {
		this.inbox = inbox;
		this.client = client;
		Map<String, Object> consumerProperties = new HashMap<>();
		consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		consumerProperties.putAll(consumerOverrides);
		this.containers = new SubscriptionContainers(List.of(subscriptions), consumerProperties, platform.deadLetters(),
				inbox, SETTINGS, meters, platform.traces(), Clock.systemUTC());
		containers.start();
	}

	/** What the rig takes from the test's application context: the dead-letter producer and the tracing. */
	record Platform(KafkaTemplate<String, byte[]> deadLetters, TraceContexts traces) {
	}

	/**
	 * A consumer whose inbox reaches the store at the given connection string (with the platform's
	 * store timeouts), with the given lease and instance name.
	 */
	static ConsumerRig start(Subscriptions subscriptions, String storeUri, Duration lease, String instance,
			Platform platform, Map<String, Object> consumerOverrides) {
		PlatformProperties.Store timeouts = new PlatformProperties.Store(Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(2), false, Duration.ofSeconds(5));
		MongoClientSettings.Builder settings = MongoClientSettings.builder();
		new DefaultsAutoConfiguration.StoreTimeouts(timeouts).customize(settings);
		MongoClient client = MongoClients.create(settings.applyConnectionString(new ConnectionString(storeUri)).build());
		MongoOperations store = new MongoTemplate(client, "platform-tests");
		return new ConsumerRig(subscriptions, new Inbox(store, Clock.systemUTC(), lease, instance), client, platform,
				consumerOverrides);
	}

	/** What the service's liveness check says of these consumers. */
	Health health() {
		return new ConsumersHealthIndicator(containers).health();
	}

	double counter(String name, String... tags) {
		var counter = meters.find(name).tags(tags).counter();
		return counter == null ? 0 : counter.count();
	}

	/**
	 * As SIGKILL would: the inbox stops renewing its leases at once, and the consumer, no longer
	 * polling, leaves its group when its poll interval has passed; nothing else runs. The blocked
	 * handler thread is left where it is.
	 */
	void kill() {
		inbox.destroy();
	}

	@Override
	public void close() {
		containers.stop();
		containers.destroy();
		inbox.destroy();
		client.close();
	}

}
