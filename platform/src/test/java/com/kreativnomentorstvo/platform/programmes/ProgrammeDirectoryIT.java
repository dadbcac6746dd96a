package com.kreativnomentorstvo.platform.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.platform.fixture.PlatformTestApplication;
import com.kreativnomentorstvo.platform.messaging.EventMetadata;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.security.Caller.Role;
import com.kreativnomentorstvo.testkit.WithPlatformInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class)
@WithPlatformInfrastructure
class ProgrammeDirectoryIT {

	private static final EventMetadata METADATA = new EventMetadata("e", "t", "/test", "s", Instant.now(), null, null,
			null, "topic", 0, 0);

	@Autowired
	ProgrammeDirectory directory;

	@Autowired
	MongoOperations mongo;

	@Test
	void aCreatedProgrammeIsKeptWithEverythingItsEventSaid() {
		ProgrammeDetails details = details("Reg. Lab", "org-a", List.of("org-b"));

		assertThat(directory.created(new ProgrammeCreated(details, Instant.now()), METADATA)).isTrue();

		Programme programme = directory.find(details.programmeId()).orElseThrow();
		assertThat(programme.details()).isEqualTo(details);
		assertThat(programme.version()).isZero();
		assertThat(programme.milestone("midterm")).contains(LocalDate.of(2026, 6, 1));
		assertThat(programme.matchingPolicy()).contains(details.matchingPolicy());
		assertThat(mongo.getCollectionNames()).contains(ProgrammeDirectory.COLLECTION);
	}

	@Test
	void theNewestVersionWinsWhateverOrderTheEventsArriveIn() {
		ProgrammeDetails first = details("First", "org-a", List.of());
		String id = first.programmeId();
		ProgrammeDetails second = renamed(first, "Second");
		ProgrammeDetails third = renamed(first, "Third");

		assertThat(directory.updated(new ProgrammeUpdated(third, 3, Instant.now()), METADATA)).isTrue();
		assertThat(directory.created(new ProgrammeCreated(first, Instant.now()), METADATA)).isFalse();
		assertThat(directory.updated(new ProgrammeUpdated(second, 2, Instant.now()), METADATA)).isFalse();

		assertThat(directory.find(id).orElseThrow().name()).isEqualTo("Third");
		assertThat(directory.find(id).orElseThrow().version()).isEqualTo(3);
	}

	@Test
	void anEventAppliedTwiceLeavesOneDocumentInTheSameState() {
		ProgrammeDetails created = details("Once", "org-a", List.of());
		ProgrammeDetails updated = renamed(created, "Once more");

		assertThat(directory.created(new ProgrammeCreated(created, Instant.now()), METADATA)).isTrue();
		assertThat(directory.created(new ProgrammeCreated(created, Instant.now()), METADATA)).isTrue();
		assertThat(directory.updated(new ProgrammeUpdated(updated, 1, Instant.now()), METADATA)).isTrue();
		assertThat(directory.updated(new ProgrammeUpdated(updated, 1, Instant.now()), METADATA)).isTrue();

		assertThat(mongo.count(query(where("_id").is(created.programmeId())), ProgrammeDirectory.COLLECTION)).isOne();
		assertThat(directory.find(created.programmeId()).orElseThrow().details()).isEqualTo(updated);
	}

	@Test
	void coordinatorsOfTheOrganiserOrOfAPartnerAndAdminsCoordinateTheProgramme() {
		String organiser = "org-" + UUID.randomUUID();
		String partner = "org-" + UUID.randomUUID();
		ProgrammeDetails details = details("Shared", organiser, List.of(partner));
		directory.created(new ProgrammeCreated(details, Instant.now()), METADATA);
		String id = details.programmeId();

		assertThat(directory.coordinatedBy(coordinator(organiser), id)).isPresent();
		assertThat(directory.coordinatedBy(coordinator(partner), id)).isPresent();
		assertThat(directory.coordinatedBy(admin("org-elsewhere"), id)).isPresent();
		assertThat(directory.coordinatedBy(coordinator("org-elsewhere"), id)).isEmpty();
		assertThat(directory.coordinatedBy(participant(organiser), id)).as("a participant of the organiser").isEmpty();
		assertThat(directory.coordinatedBy(admin(organiser), "programme-unknown")).isEmpty();
		assertThat(directory.coordinates(coordinator(partner), id, "org-other")).isTrue();
		assertThat(directory.coordinates(coordinator("org-elsewhere"), id, "org-elsewhere"))
			.as("a known programme's organisations decide, not the stand-in")
			.isFalse();
	}

	@Test
	void untilItsEventArrivesTheOwningOrganisationStandsInForAnUnknownProgramme() {
		String unknown = "programme-" + UUID.randomUUID();

		assertThat(directory.coordinates(coordinator("org-owner"), unknown, "org-owner")).isTrue();
		assertThat(directory.coordinates(coordinator("org-other"), unknown, "org-owner")).isFalse();
		assertThat(directory.coordinates(coordinator("org-owner"), unknown, null)).isFalse();
		assertThat(directory.coordinates(admin("org-any"), unknown, null)).isTrue();
		assertThat(directory.coordinates(participant("org-owner"), unknown, "org-owner")).isFalse();
	}

	@Test
	void theProgrammesAnOrganisationRunsOrPartnersInAreFound() {
		String organisation = "org-" + UUID.randomUUID();
		ProgrammeDetails runs = details("Runs", organisation, List.of("org-x"));
		ProgrammeDetails partners = details("Partners", "org-y", List.of("org-z", organisation));
		ProgrammeDetails neither = details("Neither", "org-y", List.of("org-z"));
		for (ProgrammeDetails details : List.of(runs, partners, neither)) {
			directory.created(new ProgrammeCreated(details, Instant.now()), METADATA);
		}

		assertThat(directory.runOrPartneredBy(organisation)).containsExactlyInAnyOrder(runs.programmeId(),
				partners.programmeId());
		assertThat(directory.runOrPartneredBy(null)).isEmpty();
	}

	@Test
	void datesAreStoredAsMidnightUtc() {
		ProgrammeDetails details = details("Dated", "org-a", List.of());
		directory.created(new ProgrammeCreated(details, Instant.now()), METADATA);

		Document stored = mongo.findById(details.programmeId(), Document.class, ProgrammeDirectory.COLLECTION);

		assertThat(stored.get("details", Document.class).get("startsOn"))
			.isEqualTo(Date.from(Instant.parse("2026-03-01T00:00:00Z")));
	}

	static ProgrammeDetails details(String name, String organiser, List<String> partners) {
		return new ProgrammeDetails("programme-" + UUID.randomUUID(), organiser, partners, name,
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1), "Europe/Belgrade", List.of("sr-Latn", "en"),
				List.of(new Milestone("KICK_OFF", LocalDate.of(2026, 3, 1)), new Milestone("MIDTERM", LocalDate.of(2026, 6, 1))),
				LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), List.of("digital-tools"),
				new MatchingPolicy(Map.of("goals", 50, "timezone", 10), false, "PREFER", 2, 7, true));
	}

	private static ProgrammeDetails renamed(ProgrammeDetails details, String name) {
		return new ProgrammeDetails(details.programmeId(), details.organiserId(), details.partnerIds(), name,
				details.startsOn(), details.endsOn(), details.timeZone(), details.languages(), details.milestones(),
				details.enrolmentOpensOn(), details.enrolmentClosesOn(), details.taxonomy(), details.matchingPolicy());
	}

	private static Caller coordinator(String organisation) {
		return new Caller("c@" + organisation, organisation, Set.of(Role.COORDINATOR), null);
	}

	private static Caller admin(String organisation) {
		return new Caller("a@" + organisation, organisation, Set.of(Role.ADMIN), null);
	}

	private static Caller participant(String organisation) {
		return new Caller("p-1", organisation, Set.of(Role.MENTEE), Set.of("p-1"));
	}

}
