package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
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
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

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
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(properties);
		producers.addListener(new MicrometerProducerListener<>(meters));
		return new KafkaTemplate<>(producers);
	}

	@Bean
	Inbox inbox(MongoOperations mongo, Clock clock, PlatformProperties properties) {
		return new Inbox(mongo, clock, properties.consumer().inProgressLease());
	}

	@Bean
	SubscriptionContainers subscriptionContainers(ObjectProvider<Subscriptions> subscriptions, KafkaProperties kafka,
			@Qualifier(EVENT_TEMPLATE) KafkaTemplate<String, byte[]> eventKafkaTemplate, Inbox inbox,
			PlatformProperties properties, MeterRegistry meters, TraceContexts traces) {
		return new SubscriptionContainers(subscriptions.orderedStream().toList(), consumerProperties(kafka),
				eventKafkaTemplate, inbox, properties.consumer(), meters, traces);
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
	 * them); the contacts topic is compacted, so erasure's tombstone removes the person's record.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "mentoring.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics platformTopics(PlatformProperties properties, ObjectProvider<Subscriptions> subscriptions) {
		PlatformProperties.Topics settings = properties.topics();
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			TopicBuilder builder = TopicBuilder.name(topic)
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor());
			if (Topics.COMPACTED.contains(topic)) {
				builder.compact();
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

	static Map<String, Object> consumerProperties(KafkaProperties kafka) {
		Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return properties;
	}

}
