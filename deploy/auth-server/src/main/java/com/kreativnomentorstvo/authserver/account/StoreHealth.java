package com.kreativnomentorstvo.authserver.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import com.kreativnomentorstvo.support.health.MongoPingHealthIndicator;

/**
 * The accounts' store answers a {@code ping}, as the services check theirs (the readiness group's
 * {@code mongoPing}): Boot's own check needs the {@code hello} command, which the local store
 * (mongo-java-server) does not answer, so it is turned off in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

	@Bean
	MongoPingHealthIndicator mongoPingHealthIndicator(MongoOperations mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
