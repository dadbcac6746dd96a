package com.kreativnomentorstvo.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The store answers a {@code ping} on the deployable's database. Boot's own MongoDB check needs the
 * {@code hello} command, which the local store (mongo-java-server) does not answer; {@code ping}
 * works with MongoDB and with any server that speaks its wire protocol. Every deployable with a store
 * registers one as a bean named {@code mongoPingHealthIndicator} (the {@code mongoPing} contributor
 * its readiness group includes) and turns Boot's check off ({@code management.health.mongodb.enabled}).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	/** @param mongo the deployable's template, whose database is the one pinged and named */
	public MongoPingHealthIndicator(MongoOperations mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		mongo.execute(database -> {
			Document answer = database.runCommand(new Document("ping", 1));
			return builder.up().withDetail("database", database.getName()).withDetail("ok", answer.get("ok"));
		});
	}

}
