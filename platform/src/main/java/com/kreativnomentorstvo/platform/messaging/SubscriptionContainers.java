package com.kreativnomentorstvo.platform.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.PlatformProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One Kafka listener container per {@link Subscriptions} bean. A failing record is retried in
 * place with exponential back-off (so the events of one key stay in order), then published to the
 * group's dead-letter topic with Spring Kafka's {@code kafka_dlt-*} headers (original topic,
 * partition, offset, exception), and the partition moves on. If the dead letter cannot be
 * written, the record is retried again rather than skipped.
 */
class SubscriptionContainers implements SmartLifecycle {

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers;

	SubscriptionContainers(List<Subscriptions> subscriptions, Map<String, Object> consumerProperties,
			KafkaOperations<String, byte[]> deadLetterTemplate, Inbox inbox, PlatformProperties.Consumer settings,
			MeterRegistry meters, TraceContexts traces) {
		this.containers = subscriptions.stream()
			.map(s -> container(s, consumerProperties, deadLetterTemplate, inbox, settings, meters, traces))
			.toList();
	}

	private static ConcurrentMessageListenerContainer<String, byte[]> container(Subscriptions subscriptions,
			Map<String, Object> consumerProperties, KafkaOperations<String, byte[]> deadLetterTemplate, Inbox inbox,
			PlatformProperties.Consumer settings, MeterRegistry meters, TraceContexts traces) {
		Map<String, Object> properties = new HashMap<>(consumerProperties);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, subscriptions.consumerGroup());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		ContainerProperties containerProperties = new ContainerProperties(
				subscriptions.topics().toArray(String[]::new));
		containerProperties.setMessageListener(new SubscriptionDispatcher(subscriptions, inbox, meters, traces));
		containerProperties.setObservationEnabled(true);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(properties);
		// the Kafka client's own metrics (records-lag-max and friends) on the service's registry
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
				consumers, containerProperties);
		container.setConcurrency(settings.concurrency());
		container.setBeanName("subscriptions-" + subscriptions.consumerGroup());
		container.setCommonErrorHandler(
				errorHandler(subscriptions.consumerGroup(), deadLetterTemplate, settings, meters));
		// registered at zero, so dashboards and alerts see the series before the first dead letter
		subscriptions.topics().forEach(topic -> deadLettered(meters, subscriptions.consumerGroup(), topic));
		return container;
	}

	static DefaultErrorHandler errorHandler(String consumerGroup, KafkaOperations<String, byte[]> deadLetterTemplate,
			PlatformProperties.Consumer settings, MeterRegistry meters) {
		String deadLetterTopic = Topics.deadLetterTopic(consumerGroup);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, exception) -> new TopicPartition(deadLetterTopic, -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.maxRetries());
		backOff.setInitialInterval(settings.initialBackOff().toMillis());
		backOff.setMultiplier(settings.multiplier());
		backOff.setMaxInterval(settings.maxBackOff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
			recoverer.accept(record, exception);
			deadLettered(meters, consumerGroup, record.topic()).increment();
		}, backOff);
		handler.addNotRetryableExceptions(PoisonEventException.class);
		return handler;
	}

	private static Counter deadLettered(MeterRegistry meters, String consumerGroup, String topic) {
		return Counter.builder("mentoring.events.dead-lettered")
			.description("Records given up on after their retries and written to the dead-letter topic")
			.tag("consumer", consumerGroup)
			.tag("topic", topic)
			.register(meters);
	}

	@Override
	public void start() {
		containers.forEach(ConcurrentMessageListenerContainer::start);
	}

	@Override
	public void stop() {
		containers.forEach(ConcurrentMessageListenerContainer::stop);
	}

	@Override
	public boolean isRunning() {
		return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
	}

}
