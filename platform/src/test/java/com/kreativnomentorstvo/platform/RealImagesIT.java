package com.kreativnomentorstvo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import com.kreativnomentorstvo.platform.fixture.AppliedEvents;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.fixture.TestOrganisation;
import com.kreativnomentorstvo.platform.fixture.TestOrganisations;
import com.kreativnomentorstvo.platform.outbox.AggregateRoot;
import com.kreativnomentorstvo.testkit.SharedKafka;
import com.kreativnomentorstvo.testkit.SharedMongo;

/**
 * The outbox and the idempotent consumer on the real engines: the {@code apache/kafka} image and a
 * MongoDB replica set. Skipped where no Docker engine runs (the rest of the suite then uses the
 * embedded broker and store).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = PlatformTestApplication.class,
		properties = { "mentoring.outbox.sweep-interval=500ms", "mentoring.outbox.sweep-grace=1s" })
class RealImagesIT {

	@Container
	static final KafkaContainer kafka = new KafkaContainer(SharedKafka.IMAGE);

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer(SharedMongo.IMAGE);

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
		registry.add("spring.mongodb.uri", mongo::getReplicaSetUrl);
	}

	@Autowired
	TestOrganisations organisations;

	@Autowired
	MongoOperations store;

	@Autowired
	AppliedEvents applied;

	@Test
	void eventStoredWithItsStateIsPublishedAndAppliedOnce() {
		String id = "org-" + UUID.randomUUID();

		organisations.save(TestOrganisation.register(id, "Kultura Nova", "HR"));

		await().atMost(Duration.ofSeconds(60)).until(() -> applied.timesApplied(id) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Document document = store.findById(id, Document.class, "organisations");
			return document != null
					&& document.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of()).isEmpty();
		});
		assertThat(applied.timesApplied(id)).isEqualTo(1);
	}

}
