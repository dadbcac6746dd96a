package com.kreativnomentorstvo.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaAdmin;

import com.kreativnomentorstvo.support.health.MongoPingHealthIndicator;

/**
 * Readiness checks of the two parts every service needs: its store (a {@code ping} on the service's
 * database, the check the authorization server shares) and the broker.
 */
@AutoConfiguration(after = { DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class })
public class HealthAutoConfiguration {

	@Bean
	MongoPingHealthIndicator mongoPingHealthIndicator(MongoOperations mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
		return new KafkaHealthIndicator(admin);
	}

}
