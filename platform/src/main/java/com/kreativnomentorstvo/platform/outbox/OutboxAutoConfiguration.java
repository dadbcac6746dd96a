package com.kreativnomentorstvo.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
		return new OutboxRelay(mongo, kafka, aggregateCollections(mongo, mappingContext), properties.outbox(), clock,
				meters);
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

	@Bean
	Outbox outbox(OutboxEntries entries, OutboxRelay relay) {
		return new Outbox(entries, relay);
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
