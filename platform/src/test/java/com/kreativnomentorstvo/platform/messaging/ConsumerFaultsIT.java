package com.kreativnomentorstvo.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.SharedMongo;
import com.kreativnomentorstvo.testkit.TcpProxy;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.mongodb.ConnectionString;

/**
 * Consumers under the faults of a running platform, each test with its own consumer group built as
 * the platform builds it ({@link ConsumerRig}): the store going away while events arrive, and a
 * consumer killed in the middle of an event, restarted on the same instance or replaced by another.
 * Retries are limited to three here, as in every platform test: what must not be dead-lettered is
 * retried more often than that.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ConsumerFaultsIT {

	@Autowired
	@Qualifier(MessagingAutoConfiguration.EVENT_TEMPLATE)
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	TraceContexts traces;

	@Test
	void eventsThatArriveWhileTheStoreIsDownAreAppliedOnceInTheirOrderWhenItIsBackAndNoneIsDeadLettered(
			CapturedOutput output) {
		String group = "platform-outage-" + UUID.randomUUID();
		String aggregate = "prog-" + UUID.randomUUID();
		List<String> applied = new CopyOnWriteArrayList<>();
		Subscriptions subscriptions = Subscriptions.forConsumer(group)
			.on(ProgrammeCreated.class, (event, metadata) -> {
				if (aggregate.equals(metadata.subject())) {
					applied.add(event.programme().name());
				}
			});
		ConnectionString shared = new ConnectionString(SharedMongo.uri());
		String[] host = shared.getHosts().get(0).split(":");
		try (TcpProxy store = TcpProxy.forwardingTo(host[0], Integer.parseInt(host[1]));
				ConsumerRig consumer = ConsumerRig.start(subscriptions, viaProxy(store), Duration.ofSeconds(30),
						"outage-test:8082", platform(), Map.of())) {
			send(aggregate, "before");
			await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains("before"));

			store.refuse();
			List<OutboxEntry> during = IntStream.range(1, 4).mapToObj(i -> send(aggregate, "during-" + i)).toList();
			// types this group does not take, on the other partitions too: skipped without the store, they do not end the wait
			IntStream.range(0, 6).forEach(i -> sendUnsubscribed("org-" + UUID.randomUUID()));
			// more attempts than the three retries after which any other failure is dead-lettered
			await().atMost(Duration.ofSeconds(60))
				.until(() -> consumer.counter("mentoring.events.waiting.retries", "consumer", group, "reason",
						"outage") >= 6);
			assertThat(applied).containsExactly("before");
			store.forward();

			await().atMost(Duration.ofSeconds(60)).until(() -> applied.size() == 4);
			assertThat(applied).containsExactly("before", "during-1", "during-2", "during-3");
			// the shared topic holds other tests' poison too (an unknown type is poison for every group): only this test's events count
			assertThat(EventRecords.all(Topics.deadLetterTopic(group))).noneMatch(r -> aggregate.equals(r.key()));
			during.forEach(event -> assertThat(consumer.inbox.hasApplied(group, event.eventId())).isTrue());
			assertThat(consumer.counter("mentoring.events.waits", "consumer", group, "reason", "outage")).isEqualTo(1);
			assertThat(output.getOut().split(group + " cannot apply", -1)).as("one WARN line for the outage").hasSize(2);
			assertThat(output.getOut()).contains(group + " applies events again after waiting");
		}
	}

	@Test
	void eventWhoseConsumerWasKilledWhileApplyingItIsAppliedOnceAfterARestartWithoutWaitingForTheLease() {
		String group = "platform-crash-" + UUID.randomUUID();
		String aggregate = "prog-" + UUID.randomUUID();
		String instance = "crash-test-host:8083";
		Duration lease = Duration.ofMinutes(2);
		Crash crash = new Crash(aggregate);
		try (ConsumerRig killed = ConsumerRig.start(crash.subscriptions(group), SharedMongo.uri(), lease, instance,
				platform(), leavesItsGroupSoonAfterItStopsPolling())) {
			OutboxEntry event = send(aggregate, "interrupted");
			assertThat(crash.awaitHandlerStuck()).as("the handler has begun").isTrue();
			killed.kill();
			Instant restart = Instant.now();

			try (ConsumerRig restarted = ConsumerRig.start(crash.survivorSubscriptions(group), SharedMongo.uri(), lease,
					instance, platform(), Map.of())) {
				await().atMost(Duration.ofSeconds(60)).until(() -> crash.effects() == 1);

				Duration took = Duration.between(restart, Instant.now());
				System.out.printf("Event of a killed consumer applied %d ms after the restart (lease %d s)%n",
						took.toMillis(), lease.toSeconds());
				assertThat(took).as("the restarted instance took the event over at once").isLessThan(lease);
				assertThat(restarted.inbox.hasApplied(group, event.eventId())).isTrue();
				assertThat(restarted.counter("mentoring.events.waits", "consumer", group, "reason", "in-progress"))
					.isZero();
			}
			finally {
				crash.endTheKilledThread();
			}
			assertThat(crash.effects()).isEqualTo(1);
			// the shared topic holds other tests' poison too (an unknown type is poison for every group): only this test's events count
			assertThat(EventRecords.all(Topics.deadLetterTopic(group))).noneMatch(r -> aggregate.equals(r.key()));
		}
	}

	@Test
	void eventWhoseConsumerWasKilledIsAppliedOnceByAnotherInstanceWhenItsLeaseRunsOutAndNeverDeadLettered() {
		String group = "platform-crash-" + UUID.randomUUID();
		String aggregate = "prog-" + UUID.randomUUID();
		// longer than the killed consumer takes to leave its group: the other instance meets the event in progress
		Duration lease = Duration.ofSeconds(10);
		Crash crash = new Crash(aggregate);
		try (ConsumerRig killed = ConsumerRig.start(crash.subscriptions(group), SharedMongo.uri(), lease, "host-a:8083",
				platform(), leavesItsGroupSoonAfterItStopsPolling())) {
			OutboxEntry event = send(aggregate, "interrupted");
			assertThat(crash.awaitHandlerStuck()).as("the handler has begun").isTrue();
			killed.kill();

			try (ConsumerRig other = ConsumerRig.start(crash.survivorSubscriptions(group), SharedMongo.uri(), lease,
					"host-b:8083", platform(), Map.of())) {
				await().atMost(Duration.ofSeconds(90)).until(() -> crash.effects() == 1);

				assertThat(other.inbox.hasApplied(group, event.eventId())).isTrue();
				// it waited for the lease; a rebalance while the killed consumer leaves its group may split the wait in two
				assertThat(other.counter("mentoring.events.waits", "consumer", group, "reason", "in-progress"))
					.isBetween(1.0, 2.0);
				assertThat(other.counter("mentoring.events.waiting.retries", "consumer", group, "reason", "in-progress"))
					.as("waited longer than three retries").isGreaterThan(3);
			}
			finally {
				crash.endTheKilledThread();
			}
			assertThat(crash.effects()).isEqualTo(1);
			// the shared topic holds other tests' poison too (an unknown type is poison for every group): only this test's events count
			assertThat(EventRecords.all(Topics.deadLetterTopic(group))).noneMatch(r -> aggregate.equals(r.key()));
		}
	}

	@Test
	void aHandlerThatFailsWithAnErrorOfItsRecordHasTheRecordParkedAfterItsRetriesAndTheConsumerGoesOn() {
		String group = "platform-error-" + UUID.randomUUID();
		String aggregate = "prog-" + UUID.randomUUID();
		List<String> applied = new CopyOnWriteArrayList<>();
		Subscriptions subscriptions = Subscriptions.forConsumer(group)
			.on(ProgrammeCreated.class, (event, metadata) -> {
				if (aggregate.equals(metadata.subject())) {
					switch (event.programme().name()) {
						case "assertion" -> throw new AssertionError("a handler's own assertion");
						case "overflow" -> throw new StackOverflowError();
						default -> applied.add(event.programme().name());
					}
				}
			});
		try (ConsumerRig consumer = ConsumerRig.start(subscriptions, SharedMongo.uri(), Duration.ofSeconds(30),
				"error-test:8082", platform(), Map.of())) {
			OutboxEntry assertion = send(aggregate, "assertion");
			OutboxEntry overflow = send(aggregate, "overflow");
			send(aggregate, "after");

			await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains("after"));
			assertThat(applied).containsExactly("after");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(EventRecords.all(Topics.deadLetterTopic(group)).stream()
					.filter(r -> aggregate.equals(r.key()))
					.map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
					.containsExactly(assertion.eventId(), overflow.eventId()));
			assertThat(consumer.inbox.hasApplied(group, assertion.eventId())).isFalse();
			assertThat(consumer.health().getStatus()).isEqualTo(Status.UP);
		}
	}

	@Test
	void aConsumerThatAnErrorOfTheVirtualMachineStoppedIsNoLongerAliveAndParksNothing() {
		String group = "platform-fatal-" + UUID.randomUUID();
		String aggregate = "prog-" + UUID.randomUUID();
		Subscriptions subscriptions = Subscriptions.forConsumer(group)
			.on(ProgrammeCreated.class, (event, metadata) -> {
				if (aggregate.equals(metadata.subject())) {
					throw new OutOfMemoryError("as if the heap were full");
				}
			});
		try (ConsumerRig consumer = ConsumerRig.start(subscriptions, SharedMongo.uri(), Duration.ofSeconds(30),
				"fatal-test:8082", platform(), Map.of())) {
			assertThat(consumer.health().getStatus()).isEqualTo(Status.UP);
			OutboxEntry event = send(aggregate, "out of memory");

			await().atMost(Duration.ofSeconds(60)).until(() -> Status.DOWN.equals(consumer.health().getStatus()));
			assertThat(consumer.health().getDetails()).containsEntry("stopped", List.of(group));
			// left for the restarted process to apply, not parked
			assertThat(consumer.inbox.hasApplied(group, event.eventId())).isFalse();
			assertThat(EventRecords.all(Topics.deadLetterTopic(group))).noneMatch(r -> aggregate.equals(r.key()));
		}
	}

	/**
	 * A consumer process killed in the middle of an event: its handler begins and never finishes.
	 * (When the test releases the blocked thread at its end, it returns without an effect, as if it
	 * had never run again; a killed process runs nothing.)
	 */
	private static final class Crash {

		private final String aggregate;

		private final CountDownLatch stuck = new CountDownLatch(1);

		private final CountDownLatch end = new CountDownLatch(1);

		private final AtomicInteger effects = new AtomicInteger();

		Crash(String aggregate) {
			this.aggregate = aggregate;
		}

		Subscriptions subscriptions(String group) {
			return Subscriptions.forConsumer(group).on(ProgrammeCreated.class, (event, metadata) -> {
				if (aggregate.equals(metadata.subject())) {
					stuck.countDown();
					try {
						end.await(5, TimeUnit.MINUTES);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			});
		}

		Subscriptions survivorSubscriptions(String group) {
			return Subscriptions.forConsumer(group).on(ProgrammeCreated.class, (event, metadata) -> {
				if (aggregate.equals(metadata.subject())) {
					effects.incrementAndGet();
				}
			});
		}

		boolean awaitHandlerStuck() {
			try {
				return stuck.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		int effects() {
			return effects.get();
		}

		void endTheKilledThread() {
			end.countDown();
		}

	}

	/** A killed consumer leaves its group once the broker misses it; here within seconds rather than 45. */
	private static Map<String, Object> leavesItsGroupSoonAfterItStopsPolling() {
		return Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3000);
	}

	private ConsumerRig.Platform platform() {
		return new ConsumerRig.Platform(kafka, traces);
	}

	private static String viaProxy(TcpProxy proxy) {
		return "mongodb://127.0.0.1:" + proxy.port() + "/?directConnection=true";
	}

	/** A programme event with the given name, keyed by the aggregate, so all land on one partition in order. */
	private static OutboxEntry send(String aggregate, String name) {
		ProgrammeCreated event = new ProgrammeCreated(new ProgrammeDetails(aggregate, "org-creative-mentorship",
				List.of(), name, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 15), "Europe/Belgrade", List.of("en"),
				List.of(), null, null, List.of(), new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false)),
				Instant.now());
		EventType type = event.eventType();
		OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.topic(),
				"/test/producer", aggregate, Instant.now(), new String(EventJson.write(event), StandardCharsets.UTF_8),
				event.programmeId(), event.organisationId(), null, null);
		EventRecords.send(OutboxRecords.toRecord(entry));
		return entry;
	}

	/** An event on the same topic of a type the tests' groups do not subscribe to. */
	private static void sendUnsubscribed(String organisationId) {
		OrganisationRegistered event = new OrganisationRegistered(organisationId, "Skipped", "RS", "NGO", Instant.now());
		EventType type = event.eventType();
		EventRecords.send(OutboxRecords.toRecord(new OutboxEntry(UUID.randomUUID().toString(), type.typeName(),
				type.topic(), "/test/producer", organisationId, Instant.now(),
				new String(EventJson.write(event), StandardCharsets.UTF_8), null, organisationId, null, null)));
	}

}
