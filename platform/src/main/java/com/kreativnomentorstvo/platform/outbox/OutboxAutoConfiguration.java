package com.kreativnomentorstvo.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.domain.Sort;
import org.springframework.kafka.core.KafkaTemplate;

import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.messaging.MessagingAutoConfiguration;
import com.kreativnomentorstvo.platform.messaging.ProducerTimeouts;
import com.kreativnomentorstvo.platform.messaging.TraceContexts;

import io.micrometer.core.instrument.MeterRegistry;

/** The transactional outbox: aggregates' events stored with their state, relayed to Kafka. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	OutboxEntries outboxEntries(PlatformProperties properties, Environment environment, Clock clock,
			TraceContexts traces) {
		String service = environment.getProperty("spring.application.name", "service");
		return new OutboxEntries("/" + properties.instance() + "/" + service, clock, traces::currentTraceparent);
	}

	@Bean
	OutboxRelay outboxRelay(MongoOperations mongo,
			@Qualifier(MessagingAutoConfiguration.EVENT_TEMPLATE) KafkaTemplate<String, byte[]> kafka,
			MongoMappingContext mappingContext, PlatformProperties properties, Clock clock, MeterRegistry meters) {
		ProducerTimeouts producer = ProducerTimeouts.of(kafka.getProducerFactory().getConfigurationProperties());
		checkLease(properties.outbox(), producer);
		return new OutboxRelay(mongo, kafka, aggregateCollections(mongo, mappingContext), properties.outbox(), producer,
				clock, meters);
	}

	/**
	 * One aggregate is never relayed by two relays at once only if a relay holds its lease for as
	 * long as one of its sends can still land: {@code send} blocks for up to the producer's
	 * {@code max.block.ms}, and the relay then waits for the acknowledgement for the send timeout,
	 * which must cover the producer's {@code delivery.timeout.ms} (after which the producer itself
	 * gives the record up).
	 */
	static void checkLease(PlatformProperties.Outbox outbox, ProducerTimeouts producer) {
		if (outbox.sendTimeout().compareTo(producer.delivery()) < 0) {
			throw new InvalidConfigurationPropertyValueException("mentoring.outbox.send-timeout", outbox.sendTimeout(),
					"It must be at least the producer's delivery.timeout.ms (" + producer.delivery().toMillis()
							+ " ms): the relay would give up on events the producer may still deliver after another "
							+ "relay has taken them over. Raise it, or lower spring.kafka.producer.properties.delivery.timeout.ms.");
		}
		Duration sendTakesAtMost = producer.maxBlock().plus(outbox.sendTimeout());
		if (outbox.lease().compareTo(sendTakesAtMost) <= 0) {
			throw new InvalidConfigurationPropertyValueException("mentoring.outbox.lease", outbox.lease(),
					"It must be longer than one send can take: the producer's max.block.ms ("
							+ producer.maxBlock().toMillis() + " ms) plus mentoring.outbox.send-timeout ("
							+ outbox.sendTimeout().toMillis() + " ms), or two relays could publish one aggregate's "
							+ "events at once. Raise it, or lower those.");
		}
	}

	@Bean
	OutboxCallbacks outboxCallbacks(OutboxEntries entries, ObjectProvider<MongoOperations> mongo,
			MongoMappingContext mappingContext) {
		return new OutboxCallbacks(entries, mongo, mappingContext);
	}

	@Bean
	RelayAfterSave relayAfterSave(OutboxRelay relay) {
		return new RelayAfterSave(relay);
	}

	/**
	 * The collections of every aggregate that records events, each indexed on the time of its
	 * pending events so the sweep finds what was left behind without scanning.
	 */
	private static Supplier<List<String>> aggregateCollections(MongoOperations mongo, MongoMappingContext context) {
		return new Supplier<>() {

			private volatile List<String> collections;

			@Override
			public List<String> get() {
				if (collections == null) {
					List<String> found = context.getPersistentEntities()
						.stream()
						.filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
						.map(MongoPersistentEntity::getCollection)
						.distinct()
						.toList();
					found.forEach(collection -> mongo.indexOps(collection)
						.createIndex(new Index(AggregateRoot.OUTBOX_FIELD + ".time", Sort.Direction.ASC)));
					collections = found;
				}
				return collections;
			}

		};
	}

}
