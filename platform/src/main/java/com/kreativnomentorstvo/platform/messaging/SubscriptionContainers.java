package com.kreativnomentorstvo.platform.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.PlatformProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One Kafka listener container per {@link Subscriptions} bean. A failing record is retried in
 * place (the partition's later records wait behind it, so the events of one key stay in order),
 * the consumer paused between attempts rather than blocked, so it stays in its group:
 * <ul>
 * <li>poison is published to the group's dead-letter topic at once;</li>
 * <li>a record that meets a store or broker outage (or an event another instance is applying) is
 * retried without limit, with exponential back-off up to {@code mentoring.consumer.max-back-off},
 * and never dead-lettered;</li>
 * <li>any other failure is retried {@code mentoring.consumer.max-retries} times, then
 * dead-lettered.</li>
 * </ul>
 * Dead letters carry Spring Kafka's {@code kafka_dlt-*} headers (original topic, partition,
 * offset, exception); see {@link DeadLetterPublisher} for records that hold personal data. If the
 * dead letter cannot be written, the record is retried again rather than skipped.
 */
class SubscriptionContainers implements SmartLifecycle, DisposableBean {

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers;

	/** Resumes paused consumers when their back-off has passed. */
	private final ThreadPoolTaskScheduler resumptions = new ThreadPoolTaskScheduler();

	private volatile boolean started;

	SubscriptionContainers(List<Subscriptions> subscriptions, Map<String, Object> consumerProperties,
			KafkaOperations<String, byte[]> deadLetterTemplate, Inbox inbox, PlatformProperties.Consumer settings,
			MeterRegistry meters, TraceContexts traces, Clock clock) {
		resumptions.setThreadNamePrefix("consumer-resume-");
		resumptions.setDaemon(true);
		resumptions.initialize();
		this.containers = subscriptions.stream()
			.map(s -> container(s, consumerProperties, deadLetterTemplate, inbox, settings, meters, traces, clock))
			.toList();
	}

	private ConcurrentMessageListenerContainer<String, byte[]> container(Subscriptions subscriptions,
			Map<String, Object> consumerProperties, KafkaOperations<String, byte[]> deadLetterTemplate, Inbox inbox,
			PlatformProperties.Consumer settings, MeterRegistry meters, TraceContexts traces, Clock clock) {
		Map<String, Object> properties = new HashMap<>(consumerProperties);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, subscriptions.consumerGroup());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		ConsumerFaults faults = new ConsumerFaults(subscriptions.consumerGroup(),
				Topics.deadLetterTopic(subscriptions.consumerGroup()), settings.maxRetries(), settings.maxBackOff(),
				meters, clock);
		SubscriptionDispatcher dispatcher = new SubscriptionDispatcher(subscriptions, inbox, meters, traces);
		ContainerProperties containerProperties = new ContainerProperties(
				subscriptions.topics().toArray(String[]::new));
		containerProperties.setMessageListener((MessageListener<String, byte[]>) record -> {
			if (dispatcher.dispatch(record)) {
				faults.applied();
			}
		});
		containerProperties.setObservationEnabled(true);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(properties);
		// the Kafka client's own metrics (records-lag-max and friends) on the service's registry
		consumers.addListener(new MicrometerConsumerListener<>(meters));
		ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
				consumers, containerProperties);
		container.setConcurrency(settings.concurrency());
		container.setBeanName("subscriptions-" + subscriptions.consumerGroup());
		container.setCommonErrorHandler(
				errorHandler(subscriptions.consumerGroup(), deadLetterTemplate, settings, meters, faults, resumptions));
		// registered at zero, so dashboards and alerts see the series before the first dead letter
		subscriptions.topics().forEach(topic -> deadLettered(meters, subscriptions.consumerGroup(), topic));
		return container;
	}

	static DefaultErrorHandler errorHandler(String consumerGroup, KafkaOperations<String, byte[]> deadLetterTemplate,
			PlatformProperties.Consumer settings, MeterRegistry meters, ConsumerFaults faults, TaskScheduler scheduler) {
		DeadLetterPublisher recoverer = new DeadLetterPublisher(deadLetterTemplate, Topics.deadLetterTopic(consumerGroup));
		ExponentialBackOffWithMaxRetries limited = new ExponentialBackOffWithMaxRetries(settings.maxRetries());
		limited.setInitialInterval(settings.initialBackOff().toMillis());
		limited.setMultiplier(settings.multiplier());
		limited.setMaxInterval(settings.maxBackOff().toMillis());
		ExponentialBackOff unlimited = new ExponentialBackOff(settings.initialBackOff().toMillis(), settings.multiplier());
		unlimited.setMaxInterval(settings.maxBackOff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
			recoverer.accept(record, exception);
			deadLettered(meters, consumerGroup, record.topic()).increment();
		}, limited, new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, scheduler)));
		handler.setBackOffFunction(
				(record, exception) -> exception != null && ConsumerFaults.waitsForever(exception) ? unlimited : null);
		handler.addNotRetryableExceptions(PoisonEventException.class);
		handler.setRetryListeners(faults);
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
		started = true;
	}

	@Override
	public void stop() {
		started = false;
		containers.forEach(ConcurrentMessageListenerContainer::stop);
	}

	/**
	 * The consumer groups whose consumers stopped on their own while the service runs: a listener
	 * met an error of the virtual machine (see {@link HandlerError}), and nothing is applied any more
	 * until the process restarts.
	 */
	List<String> stoppedUnexpectedly() {
		if (!started) {
			return List.of();
		}
		return containers.stream().filter(container -> !container.isInExpectedState())
			.map(ConcurrentMessageListenerContainer::getGroupId)
			.toList();
	}

	@Override
	public boolean isRunning() {
		return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
	}

	@Override
	public void destroy() {
		resumptions.shutdown();
	}

}
