package com.kreativnomentorstvo.authserver.account;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The store answers a {@code ping}, as the services check theirs: Boot's own check needs the {@code hello} command,
 * which the local store (mongo-java-server) does not answer.
 */
@Component
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	MongoPingHealthIndicator(MongoOperations mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", mongo.getCollection(Accounts.COLLECTION).getNamespace().getDatabaseName()).withDetail("ok", answer.get("ok"));
	}

}
