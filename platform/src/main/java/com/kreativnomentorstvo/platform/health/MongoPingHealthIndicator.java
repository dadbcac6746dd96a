package com.kreativnomentorstvo.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The store answers a {@code ping} on this service's database. Works with MongoDB and with any
 * server that speaks its wire protocol (Boot's own check needs the {@code hello} command).
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	MongoPingHealthIndicator(MongoOperations mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", mongo.getCollection("inbox").getNamespace().getDatabaseName())
			.withDetail("ok", answer.get("ok"));
	}

}
