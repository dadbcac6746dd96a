package com.kreativnomentorstvo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.PlatformProperties;
import com.kreativnomentorstvo.platform.fixture.AppliedEvents;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.MovableClock;
import com.kreativnomentorstvo.testkit.SharedKafka;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

/**
 * How soon an erased person's contact record leaves the compacted contacts topic: the topic's
 * configuration as the platform creates it, what the broker does with such a configuration (on a
 * scratch topic with second-long settings, so the test need not wait an hour), and the platform's
 * part when the topic is quiet.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class CompactionIT {

	private static Admin admin;

	@Autowired
	MongoOperations mongo;

	@Autowired
	@Qualifier(MessagingAutoConfiguration.EVENT_TEMPLATE)
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	AppliedEvents applied;

	@BeforeAll
	static void connect() {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
	}

	@AfterAll
	static void disconnect() {
		admin.close();
	}

	@Test
	void theContactsTopicClosesItsSegmentsWithinAnHourAndCompactsThemAtOnce() throws Exception {
		ConfigResource contacts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PARTICIPANT_CONTACTS);

		Config config = admin.describeConfigs(List.of(contacts)).all().get(30, TimeUnit.SECONDS).get(contacts);

		assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("3600000");
		assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo("3600000");
		assertThat(config.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo("0");
		assertThat(config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value()).isEqualTo("86400000");
	}

	/**
	 * The broker honours these settings, but compacts closed segments only, and closes a segment
	 * only when a record arrives after {@code segment.ms}: a tombstone written last keeps the record
	 * it supersedes readable for as long as the topic stays quiet.
	 */
	@Test
	void theBrokerRemovesASupersededRecordOnlyOnceTheSegmentHoldingItsTombstoneIsClosed() throws Exception {
		String topic = "compaction-test-" + UUID.randomUUID();
		admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
				TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
				TopicConfig.SEGMENT_MS_CONFIG, "1000",
				TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
				TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "1000",
				TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000")))).all().get(30, TimeUnit.SECONDS);
		String person = "p-" + UUID.randomUUID();
		EventRecords.send(new ProducerRecord<>(topic, person, "ana.private@example.org".getBytes(StandardCharsets.UTF_8)));
		EventRecords.send(new ProducerRecord<>(topic, person, null));

		// quiet topic: several cleaner runs (one a second here) and segment ages pass, and the record stays
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> holdsAValueOf(topic, person));

		// one more record, as the platform appends to a quiet compacted topic, closes the segment
		EventRecords.send(new ProducerRecord<>(topic, CompactedTopicRoller.KEY, null));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> !holdsAValueOf(topic, person));
		assertThat(EventRecords.all(topic)).as("the tombstone itself stays for delete.retention.ms")
			.anyMatch(r -> person.equals(r.key()) && r.value() == null);
	}

	@Test
	void aServiceThatWroteToTheContactsTopicClosesItsOpenSegmentsOnceTheyAreDueAndConsumersNeverSeeIt() {
		MovableClock clock = MovableClock.stoppedAt(Instant.now());
		CompactedTopicRoller roller = new CompactedTopicRoller(mongo, kafka,
				new PlatformProperties.Compaction(Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(1)), clock);
		long before = rollRecords().size();

		roller.onSuccess(new ProducerRecord<>(Topics.PARTICIPANT_CONTACTS, "p-" + UUID.randomUUID(), null), null);
		assertThat(roller.rollDue()).as("not due within the hour").isEmpty();
		clock.advance(Duration.ofMinutes(62));

		assertThat(roller.rollDue()).containsExactly(Topics.PARTICIPANT_CONTACTS);
		List<ConsumerRecord<String, byte[]>> rolls = rollRecords();
		assertThat(rolls).hasSizeGreaterThanOrEqualTo((int) before + 3);
		assertThat(rolls.stream().map(ConsumerRecord::partition).collect(Collectors.toSet())).containsAll(Set.of(0, 1, 2));
		assertThat(roller.rollDue()).as("done until the next write").isEmpty();

		// a later tombstone on every partition is handled, and the platform's own never was
		List<String> later = List.of(0, 1, 2).stream().map(partition -> {
			String key = "p-" + UUID.randomUUID();
			EventRecords.send(new ProducerRecord<>(Topics.PARTICIPANT_CONTACTS, partition, key, null));
			return key;
		}).toList();
		await().atMost(Duration.ofSeconds(30)).until(() -> later.stream().allMatch(applied::wasErased));
		assertThat(applied.wasErased(CompactedTopicRoller.KEY)).isFalse();
	}

	private static boolean holdsAValueOf(String topic, String key) {
		return EventRecords.all(topic).stream().anyMatch(r -> key.equals(r.key()) && r.value() != null);
	}

	private static List<ConsumerRecord<String, byte[]>> rollRecords() {
		return EventRecords.all(Topics.PARTICIPANT_CONTACTS)
			.stream()
			.filter(r -> CompactedTopicRoller.KEY.equals(r.key()))
			.toList();
	}

}
