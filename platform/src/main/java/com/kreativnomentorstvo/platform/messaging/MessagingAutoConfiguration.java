package com.kreativnomentorstvo.platform.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.CompositeProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.PlatformProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The event backbone of a service: the producer the outbox relays through, the consumers of its
 * {@link Subscriptions}, the inbox, dead letters and the platform's topics.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class })
@EnableConfigurationProperties(PlatformProperties.class)
public class MessagingAutoConfiguration {

	/** Name of the producer the outbox relay and dead-letter publishing use. */
	public static final String EVENT_TEMPLATE = "eventKafkaTemplate";

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContexts(tracer, propagator);
	}

	@Bean(EVENT_TEMPLATE)
	KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafka, MeterRegistry meters) {
		Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// never lose or duplicate on the producer side: every in-sync replica acknowledges, and
		// retries of one producer session are de-duplicated by the broker
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		// a broker outage is noticed in seconds, and the outbox relay's lease is checked against these
		ProducerTimeouts.applyDefaults(properties);
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(properties);
		producers.addListener(new MicrometerProducerListener<>(meters));
		return new KafkaTemplate<>(producers);
	}

	@Bean
	Tombstones tombstones(@Qualifier(EVENT_TEMPLATE) KafkaTemplate<String, byte[]> eventKafkaTemplate) {
		return new Tombstones(eventKafkaTemplate);
	}

	@Bean
	Inbox inbox(MongoOperations mongo, Clock clock, PlatformProperties properties, Environment environment) {
		return new Inbox(mongo, clock, properties.consumer().inProgressLease(),
				instanceId(properties.consumer(), environment));
	}

	@Bean
	SubscriptionContainers subscriptionContainers(ObjectProvider<Subscriptions> subscriptions, KafkaProperties kafka,
			@Qualifier(EVENT_TEMPLATE) KafkaTemplate<String, byte[]> eventKafkaTemplate, Inbox inbox,
			PlatformProperties properties, MeterRegistry meters, TraceContexts traces, Clock clock) {
		return new SubscriptionContainers(subscriptions.orderedStream().toList(), consumerProperties(kafka),
				eventKafkaTemplate, inbox, properties.consumer(), meters, traces, clock);
	}

	@Bean
	ConsumersHealthIndicator consumersHealthIndicator(SubscriptionContainers containers) {
		return new ConsumersHealthIndicator(containers);
	}

	/**
	 * Notes when this service writes to a compacted topic, and closes the topic's open segments when
	 * it has been quiet for too long, so that compaction keeps its bound.
	 */
	@Bean
	CompactedTopicRoller compactedTopicRoller(MongoOperations mongo,
			@Qualifier(EVENT_TEMPLATE) KafkaTemplate<String, byte[]> eventKafkaTemplate, PlatformProperties properties,
			Clock clock) {
		CompactedTopicRoller roller = new CompactedTopicRoller(mongo, eventKafkaTemplate,
				properties.topics().compaction(), clock);
		eventKafkaTemplate.setProducerListener(new CompositeProducerListener<>(new LoggingProducerListener<>(), roller));
		return roller;
	}

	@Bean
	DeadLetters deadLetters(ObjectProvider<Subscriptions> subscriptions, KafkaProperties kafka, Inbox inbox,
			MongoOperations mongo, Clock clock, MeterRegistry meters, TraceContexts traces) {
		return new DeadLetters(subscriptions.orderedStream().toList(), consumerProperties(kafka), inbox, mongo, clock,
				meters, traces);
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
		return new DeadLettersEndpoint(deadLetters);
	}

	/**
	 * Every topic of the published language and this service's dead-letter topics. Event topics
	 * keep their history (a new consumer rebuilds its projection from it; no personal data is in
	 * them); the contacts topic is compacted, so erasure's tombstone removes the person's record:
	 * segments close after {@code mentoring.topics.compaction.segment} (1 h) and are compacted at
	 * once ({@code min.compaction.lag.ms} 0) and at the latest that long after
	 * ({@code max.compaction.lag.ms}), whatever share of the log they are; tombstones themselves stay
	 * for {@code tombstone-retention} (1 day), so that a consumer that was away that long still sees
	 * them. See {@link CompactedTopicRoller} for quiet topics.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "mentoring.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics platformTopics(PlatformProperties properties, ObjectProvider<Subscriptions> subscriptions) {
		PlatformProperties.Topics settings = properties.topics();
		PlatformProperties.Compaction compaction = settings.compaction();
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			TopicBuilder builder = TopicBuilder.name(topic)
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor());
			if (Topics.COMPACTED.contains(topic)) {
				builder.compact()
					.config(TopicConfig.SEGMENT_MS_CONFIG, millis(compaction.segment()))
					.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
					.config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, millis(compaction.segment()))
					.config(TopicConfig.DELETE_RETENTION_MS_CONFIG, millis(compaction.tombstoneRetention()));
			}
			else {
				builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
			}
			topics.add(builder.build());
		}
		subscriptions.orderedStream()
			.map(s -> TopicBuilder.name(Topics.deadLetterTopic(s.consumerGroup()))
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor())
				.build())
			.forEach(topics::add);
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	private static String millis(Duration duration) {
		return Long.toString(duration.toMillis());
	}

	/**
	 * This instance's name, the same after a restart: configured, or the host name (the pod's name
	 * under Kubernetes, the container's under Docker) and the port (two instances on one machine
	 * listen on different ports). Without a fixed port, the process id: a restart is then another
	 * instance, which waits for the lease of what the earlier run was applying.
	 */
	static String instanceId(PlatformProperties.Consumer settings, Environment environment) {
		if (!settings.instanceId().isBlank()) {
			return settings.instanceId();
		}
		String host = environment.getProperty("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "localhost";
			}
		}
		String port = environment.getProperty("server.port", "8080");
		return host + ":" + ("0".equals(port.trim()) ? "pid-" + ProcessHandle.current().pid() : port.trim());
	}

	static Map<String, Object> consumerProperties(KafkaProperties kafka) {
		Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// a killed consumer's partitions go to the others after 10 s rather than Kafka's 45
		// (spring.kafka.consumer.properties.* overrides)
		properties.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
		properties.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
		return properties;
	}

}
