package com.kreativnomentorstvo.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.platform.fixture.AppliedEvents;
import com.kreativnomentorstvo.platform.fixture.TestOrganisation;
import com.kreativnomentorstvo.platform.fixture.TestOrganisations;
import com.kreativnomentorstvo.platform.messaging.MessagingAutoConfiguration;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class OutboxIT {

	private static final String REGISTERED = EventType.ORGANISATION_REGISTERED.typeName();

	@Autowired
	TestOrganisations organisations;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MongoOperations mongo;

	@Autowired
	AppliedEvents applied;

	@Autowired
	@Qualifier(MessagingAutoConfiguration.EVENT_TEMPLATE)
	KafkaTemplate<String, byte[]> kafka;

	@Test
	void savedAggregatePublishesItsEventAsACloudEventKeyedByTheAggregate() {
		String id = newId();
		organisations.save(TestOrganisation.register(id, "Kultura Nova", "HR"));

		ConsumerRecord<String, byte[]> record = EventRecords.await(Topics.PARTICIPANTS, EventRecords.event(REGISTERED, id));

		assertThat(EventAssertions.assertContractKept(record)).isEqualTo(EventType.ORGANISATION_REGISTERED);
		assertThat(EventRecords.header(record, "ce_source")).isEqualTo("/local/platform-tests");
		assertThat(EventRecords.header(record, "ce_organisationid")).isEqualTo(id);
		assertThat(EventRecords.header(record, "content-type")).isEqualTo("application/json");
		assertThat(EventRecords.value(record)).contains("\"name\":\"Kultura Nova\"").contains("\"country\":\"HR\"");
		await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents(id).isEmpty());
		assertThat(EventRecords.withEventId(Topics.PARTICIPANTS, EventRecords.header(record, "ce_id"))).hasSize(1);
	}

	@Test
	void eventsOfOneAggregateArePublishedInTheOrderTheyWereRecorded() {
		String id = newId();
		TestOrganisation organisation = TestOrganisation.register(id, "first", "RS");
		organisation.rename("second");
		organisation.rename("third");
		organisations.save(organisation);

		await().atMost(Duration.ofSeconds(10)).until(() -> recordsAbout(id).size() == 3);
		assertThat(recordsAbout(id)).extracting(EventRecords::value)
			.map(json -> json.replaceAll(".*\"name\":\"([a-z]+)\".*", "$1"))
			.containsExactly("first", "second", "third");
	}

	@Test
	void aggregatesWrittenAtOnceAreRelayedTogetherEachInItsOwnOrder() throws Exception {
		List<String> ids = IntStream.range(0, 40).mapToObj(i -> newId()).toList();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = ids.stream().map(id -> writers.submit(() -> {
				TestOrganisation organisation = TestOrganisation.register(id, "first", "RS");
				organisation.rename("second");
				organisation.rename("third");
				organisations.save(organisation);
			})).collect(Collectors.toList());
			for (Future<?> write : writes) {
				write.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> pendingEvents(id).isEmpty()));
		Map<String, List<String>> names = EventRecords.all(Topics.PARTICIPANTS)
			.stream()
			.filter(r -> ids.contains(r.key()))
			.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
					r -> EventRecords.value(r).replaceAll(".*\"name\":\"([a-z]+)\".*", "$1"), Collectors.toList())));
		assertThat(names).hasSize(ids.size()).allSatisfy((id, inOrder) -> assertThat(inOrder)
			.as("the events of %s, in the order they reached the topic", id)
			.containsExactly("first", "second", "third"));
	}

	@Test
	void moreAggregatesThanOneRelayTakesAreAllPublishedByTheSweepAfterARestart() {
		List<String> ids = IntStream.range(0, OutboxRelay.AGGREGATES_AT_ONCE + 30).mapToObj(i -> newId()).toList();
		relay.stop();
		try {
			ids.forEach(id -> organisations.save(TestOrganisation.register(id, "Waiting", "SI")));
			assertThat(ids).allSatisfy(id -> assertThat(pendingEvents(id)).hasSize(1));
		}
		finally {
			relay.start(); // only the sweep knows about them
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> pendingEvents(id).isEmpty()));
		Map<String, Long> published = EventRecords.all(Topics.PARTICIPANTS)
			.stream()
			.filter(r -> ids.contains(r.key()))
			.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
		assertThat(published).hasSize(ids.size()).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
	}

	@Test
	void anEventTheBrokerRefusesHoldsUpOnlyItsOwnAggregatesLaterEvents() {
		String refused = newId();
		String other = newId();
		relay.stop();
		try {
			TestOrganisation tooLarge = TestOrganisation.register(refused, "first", "HR");
			tooLarge.rename("x".repeat(2 * 1024 * 1024)); // beyond the producer's max.request.size
			tooLarge.rename("after");
			organisations.save(tooLarge);
			TestOrganisation fine = TestOrganisation.register(other, "first", "HR");
			fine.rename("second");
			organisations.save(fine);

			assertThat(relay.relay("organisations", List.of(refused, other))).isEqualTo(3);

			assertThat(pendingEvents(other)).isEmpty();
			assertThat(pendingEvents(refused)).extracting(entry -> entry.getString("data"))
				.hasSize(2)
				.satisfies(left -> assertThat(left.get(1)).contains("\"name\":\"after\""));
			assertThat(recordsAbout(refused)).extracting(EventRecords::value).singleElement()
				.satisfies(json -> assertThat(json).contains("\"name\":\"first\""));
		}
		finally {
			mongo.remove(Query.query(Criteria.where("_id").is(refused)), "organisations"); // nothing for the sweep to retry
			relay.start();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> recordsAbout(other).size() == 2);
	}

	@Test
	void eventWrittenWhileTheRelayIsDownArrivesExactlyOnceAfterItRestarts() {
		String id = newId();
		relay.stop();
		try {
			organisations.save(TestOrganisation.register(id, "Skopje Creative Hub", "MK"));

			assertThat(pendingEvents(id)).hasSize(1);
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(3))
				.until(() -> recordsAbout(id).isEmpty());
		}
		finally {
			relay.start(); // as after a restart: only the sweep knows about the event
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> recordsAbout(id).size() == 1 && pendingEvents(id).isEmpty());
		await().atMost(Duration.ofSeconds(15)).until(() -> applied.timesApplied(id) == 1);
		assertThat(recordsAbout(id)).hasSize(1);
	}

	@Test
	void eventPublishedTwiceBecauseTheRelayDiedBeforeRemovingItIsAppliedOnce() throws Exception {
		String id = newId();
		relay.stop();
		try {
			organisations.save(TestOrganisation.register(id, "Ljubljana Arts Network", "SI"));
			// the relay published it and died before it could take it out of the document
			OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, pendingEvents(id).get(0));
			kafka.send(OutboxRecords.toRecord(entry)).get();
		}
		finally {
			relay.start();
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> recordsAbout(id).size() == 2 && pendingEvents(id).isEmpty());
		assertThat(recordsAbout(id)).extracting(r -> EventRecords.header(r, "ce_id")).containsOnly(
				EventRecords.header(recordsAbout(id).get(0), "ce_id"));
		await().atMost(Duration.ofSeconds(15)).until(() -> applied.timesApplied(id) >= 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> applied.timesApplied(id) == 1);
	}

	@Test
	void copyLoadedBeforeItsEventWasPublishedDoesNotWriteTheEventBack() {
		String id = newId();
		relay.stop();
		try {
			organisations.save(TestOrganisation.register(id, "Creative Mentorship", "RS"));
			TestOrganisation loadedEarly = organisations.findById(id).orElseThrow();
			assertThat(relay.relay("organisations", id)).isEqualTo(1);

			loadedEarly.rename("Creative Mentorship Serbia");
			organisations.save(loadedEarly);

			assertThat(pendingEvents(id)).hasSize(1)
				.allSatisfy(entry -> assertThat(entry.getString("data")).contains("Creative Mentorship Serbia"));
		}
		finally {
			relay.start();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> pendingEvents(id).isEmpty());
		assertThat(recordsAbout(id)).hasSize(2);
	}

	@Test
	void staleWriteStoresNeitherItsStateNorItsEvent() {
		String id = newId();
		organisations.save(TestOrganisation.register(id, "Creative Mentorship", "RS"));
		TestOrganisation first = organisations.findById(id).orElseThrow();
		TestOrganisation stale = organisations.findById(id).orElseThrow();
		first.rename("Creative Mentorship Serbia");
		organisations.save(first);

		stale.rename("Lost update");
		assertThatThrownBy(() -> organisations.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);

		assertThat(organisations.findById(id).orElseThrow().getName()).isEqualTo("Creative Mentorship Serbia");
		await().atMost(Duration.ofSeconds(10)).until(() -> eventIdsAbout(id).size() == 2 && pendingEvents(id).isEmpty());
		assertThat(recordsAbout(id)).extracting(EventRecords::value).noneMatch(json -> json.contains("Lost update"));
	}

	private List<ConsumerRecord<String, byte[]>> recordsAbout(String id) {
		return EventRecords.all(Topics.PARTICIPANTS).stream().filter(EventRecords.event(REGISTERED, id)).toList();
	}

	private Set<String> eventIdsAbout(String id) {
		return recordsAbout(id).stream()
			.map(r -> EventRecords.header(r, "ce_id"))
			.collect(Collectors.toSet());
	}

	private List<Document> pendingEvents(String id) {
		Document document = mongo.findById(id, Document.class, "organisations");
		return document == null ? List.of() : document.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of());
	}

	private static String newId() {
		return "org-" + UUID.randomUUID();
	}

}
