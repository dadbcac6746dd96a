package com.kreativnomentorstvo.matching.it;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.matching.projection.Participants;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.kreativnomentorstvo.platform.outbox.OutboxEntries;
import com.kreativnomentorstvo.platform.outbox.OutboxEntry;
import com.kreativnomentorstvo.platform.programmes.ProgrammeDirectory;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

/**
 * The service as it runs: real HTTP, the shared Kafka broker and store, real signed tokens. Events
 * from participant-service are published onto its topic exactly as it publishes them. Every
 * integration test extends this class, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mentoring.matching.housekeeping.interval=300ms",
				"mentoring.matching.housekeeping.orphan-grace=3s" })
@WithPlatformInfrastructure
abstract class MatchingIntegrationTest {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final OutboxEntries PARTICIPANT_SERVICE = new OutboxEntries("/test/participant-service",
			Clock.systemUTC(), () -> null);

	@LocalServerPort
	int port;

	@Autowired
	Participants participants;

	@Autowired
	ProgrammeDirectory programmes;

	final TestTokens tokens = TestTokens.shared();

	ServiceApi api() {
		return new ServiceApi(port).withTimeout(Duration.ofSeconds(60));
	}

	/** Publishes an event as participant-service would and returns its CloudEvents id. */
	static String publish(MentoringEvent event) {
		OutboxEntry entry = PARTICIPANT_SERVICE.entryFor(event);
		EventRecords.send(OutboxRecords.toRecord(entry));
		return entry.eventId();
	}

	/** The record participant-service's outbox would send for the event, to send (and redeliver) by hand. */
	static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> recordOf(MentoringEvent event) {
		return OutboxRecords.toRecord(PARTICIPANT_SERVICE.entryFor(event));
	}

	/** A new programme with its own organiser (and a partner), known to the service once this returns. */
	TestProgramme aProgramme(MatchingPolicy policy) {
		String id = "programme-" + UUID.randomUUID();
		String organiser = "org-" + UUID.randomUUID();
		String partner = "org-" + UUID.randomUUID();
		publish(new ProgrammeCreated(new ProgrammeDetails(id, organiser, List.of(partner), "Reg. Lab",
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1), "Europe/Belgrade", List.of("en", "sr-Latn"),
				List.of(), null, null, List.of("digital-tools", "fundraising"), policy), java.time.Instant.now()));
		await().atMost(PATIENCE).until(() -> programmes.find(id).isPresent());
		return new TestProgramme(id, organiser, partner);
	}

	TestProgramme aProgramme() {
		return aProgramme(new MatchingPolicy(Map.of("goals", 50, "availability", 10, "timezone", 10, "country", 10,
				"preferences", 20), true, "PREFER", 2, 7, false));
	}

	/** Enrols the people in the programme (through Kafka) and waits until the service knows them. */
	void enrol(TestProgramme programme, Profiles... people) {
		for (Profiles person : people) {
			person.inProgramme(programme.id());
			publish(new ParticipantEnrolled(person.published(), java.time.Instant.now()));
		}
		for (Profiles person : people) {
			await().atMost(PATIENCE).until(() -> participants.existsById(person.id()));
		}
	}

	String coordinator(TestProgramme programme) {
		return tokens.coordinator(programme.organiser());
	}

	String token(Profiles person, String role) {
		return tokens.participant(person.id(), "org-of-" + person.id(), role);
	}

	String mentee(Profiles person) {
		return token(person, "mentee");
	}

	String mentor(Profiles person) {
		return token(person, "mentor");
	}

	/** The records of one type about one subject on the matching topic. */
	static List<ConsumerRecord<String, byte[]>> matchingEvents(String type, String subject) {
		return EventRecords.all(Topics.MATCHING).stream().filter(EventRecords.event(type, subject)).toList();
	}

	/** A programme: its id, organiser and one partner organisation. */
	record TestProgramme(String id, String organiser, String partner) {
	}

}
