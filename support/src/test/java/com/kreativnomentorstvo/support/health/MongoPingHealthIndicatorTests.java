package com.kreativnomentorstvo.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The check against the store every deployable runs locally (mongo-java-server, which does not answer
 * {@code hello}): up with the template's database named, down once the store is gone.
 */
class MongoPingHealthIndicatorTests {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
		.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
		.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
		.applyToSocketSettings(socket -> socket.connectTimeout(500, TimeUnit.MILLISECONDS))
		.build());

	private final MongoPingHealthIndicator indicator = new MongoPingHealthIndicator(
			new MongoTemplate(client, "accounts"));

	private boolean serverStopped;

	@AfterEach
	void stop() {
		client.close();
		stopServer();
	}

	/**
	 * Stops the store once: a second {@code shutdownNow} on its terminated event loop can wait forever
	 * for the close of a client channel whose notification the loop no longer takes.
	 */
	private void stopServer() {
		if (!serverStopped) {
			serverStopped = true;
			server.shutdownNow();
		}
	}

	@Test
	void upWithTheTemplatesDatabaseWhenTheStoreAnswersPing() {
		Health health = indicator.health(true);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("database", "accounts").containsKey("ok");
		assertThat(((Number) health.getDetails().get("ok")).doubleValue()).isEqualTo(1.0);
	}

	@Test
	void downWhenTheStoreIsGone() {
		stopServer();

		Health health = indicator.health(true);

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

}
