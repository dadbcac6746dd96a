package com.kreativnomentorstvo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventSchemas;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.ParticipantContactChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.fixture.AppliedEvents;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;

import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class ConsumerIT {

	private static final String DEAD_LETTERS = Topics.deadLetterTopic(PlatformTestApplication.CONSUMER);

	@Autowired
	AppliedEvents applied;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	MeterRegistry meters;

	@Test
	void sameEventDeliveredTwiceHasItsEffectOnce() {
		String duplicated = "org-" + UUID.randomUUID();
		String later = "org-" + UUID.randomUUID();
		OutboxEntry entry = entry(new OrganisationRegistered(duplicated, "Kultura Nova", "HR", "ngo", Instant.now()));

		EventRecords.send(OutboxRecords.toRecord(entry));
		EventRecords.send(OutboxRecords.toRecord(entry));
		// a later event on the same partition: once it is applied, both copies have been seen
		EventRecords.send(OutboxRecords.toRecord(entry(duplicated, later)));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(later) == 1);
		assertThat(applied.timesApplied(duplicated)).isEqualTo(1);
	}

	@Test
	void handlersSeeTheDataAsPublishedWithFieldsTheirClassesDoNotKnow() {
		String key = "org-" + UUID.randomUUID();
		OutboxEntry entry = entry(new OrganisationRegistered(key, "Kultura Nova", "HR", "ngo", Instant.now()));
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(entry);
		String newer = entry.data().replaceFirst("\\}$", ",\"addedByANewerProducer\":{\"x\":1}}");
		EventRecords.send(new ProducerRecord<>(record.topic(), null, record.key(),
				newer.getBytes(StandardCharsets.UTF_8), record.headers()));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(key) == 1);
		EventMetadata metadata = applied.metadataOf(key);
		assertThat(new String(metadata.data(), StandardCharsets.UTF_8)).isEqualTo(newer)
			.contains("\"addedByANewerProducer\":{\"x\":1}");
		assertThat(metadata.dataSchema())
			.isEqualTo(EventSchemas.SCHEMA_BASE + EventType.ORGANISATION_REGISTERED.typeName() + ".json");
	}

	@Test
	void poisonRecordIsParkedOnTheDeadLetterTopicAndThePartitionKeepsFlowing() {
		String key = "org-" + UUID.randomUUID();
		String after = "org-" + UUID.randomUUID();
		OutboxEntry poison = entry(new OrganisationRegistered(key, "x", "RS", "ngo", Instant.now()));
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(poison);
		EventRecords.send(new ProducerRecord<>(record.topic(), null, record.key(),
				"{not json".getBytes(StandardCharsets.UTF_8), record.headers()));
		EventRecords.send(OutboxRecords.toRecord(entry(key, after)));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(after) == 1);
		ConsumerRecord<String, byte[]> letter = EventRecords.await(DEAD_LETTERS,
				r -> poison.eventId().equals(EventRecords.header(r, "ce_id")));
		ConsumerRecord<String, byte[]> original = EventRecords.withEventId(Topics.PARTICIPANTS, poison.eventId()).get(0);

		assertThat(EventRecords.header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.PARTICIPANTS);
		assertThat(binary(letter, "kafka_dlt-original-partition").getInt()).isEqualTo(original.partition());
		assertThat(binary(letter, "kafka_dlt-original-offset").getLong()).isEqualTo(original.offset());
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo(PoisonEventException.class.getName());
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-message")).contains("does not decode");
		assertThat(EventRecords.value(letter)).isEqualTo("{not json");
		assertThat(applied.timesApplied(key)).isZero();
	}

	@Test
	void dataInvalidAgainstItsSchemaIsParkedWithTheViolationsButNoValues() {
		String key = "org-" + UUID.randomUUID();
		OutboxEntry valid = entry(new OrganisationRegistered(key, "x", "RS", "ngo", Instant.now()));
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(valid);
		EventRecords.send(new ProducerRecord<>(record.topic(), null, record.key(),
				"{\"organisationId\": \"Secret Value\"}".getBytes(StandardCharsets.UTF_8), record.headers()));
		String after = "org-" + UUID.randomUUID();
		EventRecords.send(OutboxRecords.toRecord(entry(key, after)));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(after) == 1);
		ConsumerRecord<String, byte[]> letter = EventRecords.await(DEAD_LETTERS,
				r -> valid.eventId().equals(EventRecords.header(r, "ce_id")));
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo(PoisonEventException.class.getName());
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-message")).contains("is invalid against its schema")
			.contains("required")
			.doesNotContain("Secret Value");
		assertThat(applied.timesApplied(key)).isZero();
	}

	@Test
	void failingEventIsRetriedWithBackOffUntilItSucceeds() {
		String name = "fail-twice-" + UUID.randomUUID();
		OutboxEntry event = entry(programme(name));
		EventRecords.send(OutboxRecords.toRecord(event));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(name) == 1);
		assertThat(applied.attempts(name)).isEqualTo(3);
		assertThat(EventRecords.withEventId(DEAD_LETTERS, event.eventId())).isEmpty();
	}

	@Test
	void eventThatKeepsFailingIsDeadLetteredThenReplayedOnceTheCauseIsFixed() {
		String name = "fail-always-" + UUID.randomUUID();
		String next = "org-" + UUID.randomUUID();
		OutboxEntry event = entry(programme(name));
		EventRecords.send(OutboxRecords.toRecord(event));
		EventRecords.send(OutboxRecords.toRecord(entry(event.subject(), next)));

		ConsumerRecord<String, byte[]> letter = EventRecords.await(DEAD_LETTERS,
				r -> event.eventId().equals(EventRecords.header(r, "ce_id")));
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-message")).contains("simulated failure");
		assertThat(applied.attempts(name)).isEqualTo(4); // the first delivery and three retries
		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(next) == 1);
		assertThat(deadLetters.list()).anyMatch(d -> event.eventId().equals(d.eventId()) && !d.replayed());

		applied.stopFailing();
		List<DeadLetters.Replay> replays = deadLetters.replay(PlatformTestApplication.CONSUMER);

		assertThat(replays).anyMatch(r -> event.eventId().equals(r.eventId()) && "applied".equals(r.outcome()));
		assertThat(applied.timesApplied(name)).isEqualTo(1);
		assertThat(deadLetters.replay(null)).noneMatch(r -> event.eventId().equals(r.eventId()));
		assertThat(deadLetters.list()).anyMatch(d -> event.eventId().equals(d.eventId()) && d.replayed());
	}

	@Test
	void eventThatMeetsAStoreOutageWaitsForTheStoreAndIsNeverDeadLettered() {
		String name = "outage-" + UUID.randomUUID();
		OutboxEntry event = entry(programme(name));
		String after = "org-" + UUID.randomUUID();
		double waitsBefore = meters.counter("mentoring.events.waits", "consumer", PlatformTestApplication.CONSUMER,
				"reason", "outage").count();
		applied.outage(true);
		try {
			EventRecords.send(OutboxRecords.toRecord(event));
			// a later event of the same aggregate, on the same partition: it must not overtake the first
			EventRecords.send(OutboxRecords.toRecord(entry(event.subject(), after)));

			// more attempts than the three retries after which another failure is dead-lettered
			await().atMost(Duration.ofSeconds(30)).until(() -> applied.attempts(name) >= 6);
			assertThat(applied.timesApplied(after)).as("the later event waits behind the first").isZero();
			assertThat(waiting()).isEqualTo(1);
		}
		finally {
			applied.outage(false);
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(after) == 1);
		assertThat(applied.timesApplied(name)).isEqualTo(1);
		assertThat(applied.appliedInOrder(List.of(name, after))).containsExactly(name, after);
		assertThat(EventRecords.withEventId(DEAD_LETTERS, event.eventId())).isEmpty();
		assertThat(meters.counter("mentoring.events.waits", "consumer", PlatformTestApplication.CONSUMER, "reason",
				"outage").count()).as("one WARN line and one count for the whole outage").isEqualTo(waitsBefore + 1);
		assertThat(waiting()).isZero();
	}

	@Test
	void contactRecordThatIsPoisonIsDeadLetteredWithItsKeyAndReasonButNotItsPersonalData() {
		String participant = "p-" + UUID.randomUUID();
		OutboxEntry contact = entry(new ParticipantContactChanged(participant, "prog-1", "org-1", "Ana Private",
				"ana.private@example.org", "sr-Latn", "Europe/Belgrade", Instant.now()));
		ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(contact);
		String broken = "{\"participantId\":\"" + participant + "\",\"email\": ana.private@example.org}";
		EventRecords.send(new ProducerRecord<>(record.topic(), null, record.key(),
				broken.getBytes(StandardCharsets.UTF_8), record.headers()));
		OutboxEntry next = entry(new ParticipantContactChanged(participant, "prog-1", "org-1", "Ana Private",
				"ana@example.org", "sr-Latn", "Europe/Belgrade", Instant.now()));
		EventRecords.send(OutboxRecords.toRecord(next));

		ConsumerRecord<String, byte[]> letter = EventRecords.await(DEAD_LETTERS,
				r -> contact.eventId().equals(EventRecords.header(r, "ce_id")));
		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(participant) == 1);

		assertThat(letter.key()).isEqualTo(participant);
		assertThat(letter.value()).as("the personal data stays off the dead-letter topic").isNull();
		assertThat(EventRecords.header(letter, "mentoring_dlt-value-withheld")).isEqualTo("true");
		assertThat(EventRecords.header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.PARTICIPANT_CONTACTS);
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo(PoisonEventException.class.getName());
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-message")).contains("does not decode");
		assertThat(letter.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
		letter.headers().forEach(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
			.as(header.key()).doesNotContain("ana.private").doesNotContain("Ana Private"));

		// a replay reads the record from the contacts topic again: still poison there
		assertThat(deadLetters.replay(PlatformTestApplication.CONSUMER))
			.anyMatch(r -> contact.eventId().equals(r.eventId()) && "failed".equals(r.outcome())
					&& r.error().contains("does not decode"));
	}

	@Test
	void tombstoneOfAContactIsHandedToItsHandler() {
		String participant = "p-" + UUID.randomUUID();
		EventRecords.send(new ProducerRecord<>(Topics.PARTICIPANT_CONTACTS, participant, null));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.wasErased(participant));
	}

	@Test
	void catalogueTypesNobodySubscribedToAreSkipped() {
		String key = "org-" + UUID.randomUUID();
		// a type of the catalogue on a shared topic that this consumer does not use: not even decoded
		ProducerRecord<String, byte[]> other = OutboxRecords.toRecord(new OutboxEntry(UUID.randomUUID().toString(),
				EventType.PARTICIPANT_WITHDRAWN.typeName(), Topics.PARTICIPANTS, "/test/other", key, Instant.now(), "{}",
				null, null, null, null));
		EventRecords.send(other);
		String after = "org-" + UUID.randomUUID();
		EventRecords.send(OutboxRecords.toRecord(entry(key, after)));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(after) == 1);
		assertThat(EventRecords.all(DEAD_LETTERS)).noneMatch(r -> key.equals(r.key()));
	}

	@Test
	void typesTheCatalogueDoesNotKnowAreDeadLetteredWithTheirReasonAndThePartitionKeepsFlowing() {
		String key = "org-" + UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> unknown = OutboxRecords.toRecord(new OutboxEntry(eventId,
				"mentoring.organisation.renamed.v9", Topics.PARTICIPANTS, "/test/other", key, Instant.now(), "{}", null,
				null, null, null));
		EventRecords.send(unknown);
		String after = "org-" + UUID.randomUUID();
		EventRecords.send(OutboxRecords.toRecord(entry(key, after)));

		await().atMost(Duration.ofSeconds(20)).until(() -> applied.timesApplied(after) == 1);
		ConsumerRecord<String, byte[]> letter = EventRecords.await(DEAD_LETTERS,
				r -> eventId.equals(EventRecords.header(r, "ce_id")));
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo(PoisonEventException.class.getName());
		assertThat(EventRecords.header(letter, "kafka_dlt-exception-message"))
			.contains("unknown type mentoring.organisation.renamed.v9");
	}

	private double waiting() {
		return meters.get("mentoring.events.waiting").tag("consumer", PlatformTestApplication.CONSUMER).gauge().value();
	}

	private static ByteBuffer binary(ConsumerRecord<String, byte[]> record, String header) {
		return ByteBuffer.wrap(record.headers().lastHeader(header).value());
	}

	/** An organisation event keyed like {@code key}, so it lands on the same partition. */
	private static OutboxEntry entry(String key, String organisationId) {
		OutboxEntry entry = entry(new OrganisationRegistered(organisationId, "n", "RS", "ngo", Instant.now()));
		return new OutboxEntry(entry.eventId(), entry.type(), entry.topic(), entry.source(), key, entry.time(), entry.data(),
				null, null, null, null);
	}

	private static OutboxEntry entry(MentoringEvent event) {
		EventType type = event.eventType();
		return new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(), "/test/producer",
				event.subject(), Instant.now(), new String(EventJson.write(event), StandardCharsets.UTF_8),
				event.programmeId(), event.organisationId(), "req-" + UUID.randomUUID(), null);
	}

	private static ProgrammeCreated programme(String name) {
		return new ProgrammeCreated(new ProgrammeDetails("prog-" + UUID.randomUUID(), "org-creative-mentorship",
				List.of(), name, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15), "Europe/Belgrade",
				List.of("en"), List.of(), null, null, List.of(), new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false)),
				Instant.now());
	}

}
