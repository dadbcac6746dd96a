package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.sessions.ProgrammeEventScheduled;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/** A next cycle gets the previous cycle's trainings that were not cancelled, moved by its new start, once. */
class PreviousCycleTrainingsIT extends IntegrationTest {

	private static final int DAYS = 364;

	@Test
	void theNextCyclePlansThePreviousCyclesTrainingsShiftedOnceAlsoWhenTheAnnouncementIsRedelivered() {
		TestProgramme previous = known(TestProgramme.announced());
		String path = "/api/v1/programmes/" + previous.id + "/events";
		String coordinator = previous.coordinatorToken();
		LocalDateTime midtermStart = inDays(20, 10, 0);
		Reply midterm = api().post(path, coordinator, Map.of("kind", "MIDTERM_TRAINING", "title",
				"Midterm training", "titles", Map.of("sr-Latn", "Trening na polovini"), "description",
				"Bring your midterm review", "start", midtermStart.toString(), "durationMinutes", 180, "timeZone",
				"Europe/Skopje", "mode", "IN_PERSON", "venue", "Kino Kultura, Skopje", "invitedRoles", List.of("MENTEE")));
		Reply clinic = api().post(path, coordinator, Map.of("kind", "TRAINING", "title", "Digital tools clinic",
				"start", inDays(25, 16, 0).toString(), "durationMinutes", 90, "timeZone", "Europe/Belgrade"));
		Reply dropped = api().post(path, coordinator, Map.of("kind", "TRAINING", "title", "Called off",
				"start", inDays(30, 16, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Belgrade"));
		assertThat(List.of(midterm, clinic, dropped)).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
		Reply cancelled = api().post(path + "/" + dropped.json().get("id").asString() + "/cancel", coordinator,
				Map.of("reason", "VENUE_UNAVAILABLE"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

		ProgrammeDetails old = previous.details();
		String nextId = "prog-" + UUID.randomUUID();
		ProgrammeDetails next = new ProgrammeDetails(nextId, old.organiserId(), old.partnerIds(), "Reg. Lab next",
				old.startsOn().plusDays(DAYS), old.endsOn().plusDays(DAYS), old.timeZone(), old.languages(),
				List.of(), old.enrolmentOpensOn().plusDays(DAYS), old.enrolmentClosesOn().plusDays(DAYS),
				old.taxonomy(), old.matchingPolicy(), null, null, previous.id);
		ProgrammeCreated announcement = new ProgrammeCreated(next, Instant.now());
		String eventId = Upstream.publish(announcement);
		Upstream.publishAgain(announcement, eventId);
		// another delivery under a new event id, as a replay would send: still nothing twice
		Upstream.publish(announcement);

		String nextPath = "/api/v1/programmes/" + nextId + "/events";
		Awaitility.await("the carried-over trainings")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				Reply listed = api().get(nextPath, coordinator);
				return listed.status() == 200 && listed.json().get("items").size() >= 2;
			});
		Awaitility.await("no third copy from the redeliveries")
			.during(Duration.ofSeconds(3))
			.atMost(PATIENCE)
			.until(() -> api().get(nextPath, coordinator).json().get("items").size() == 2);
		JsonNode items = api().get(nextPath, coordinator).json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.findValuesAsString("title")).containsExactlyInAnyOrder("Midterm training",
				"Digital tools clinic");
		String carriedMidterm = PreviousCycleTrainings.carriedId(midterm.json().get("id").asString(), nextId);
		JsonNode copy = api().get(nextPath + "/" + carriedMidterm, coordinator).json();
		assertThat(copy.get("kind").asString()).isEqualTo("MIDTERM_TRAINING");
		assertThat(copy.get("venue").asString()).isEqualTo("Kino Kultura, Skopje");
		assertThat(copy.get("mode").asString()).isEqualTo("IN_PERSON");
		assertThat(copy.get("description").asString()).isEqualTo("Bring your midterm review");
		assertThat(copy.at("/titles/sr-Latn").asString()).isEqualTo("Trening na polovini");
		assertThat(copy.get("invitedRoles").toString()).isEqualTo("[\"MENTEE\"]");

		ProgrammeEventScheduled scheduled = EventAssertions.assertContractKept(
				EventRecords.await(Topics.SESSIONS,
						EventRecords.event("mentoring.programme-event.scheduled.v1", carriedMidterm)),
				ProgrammeEventScheduled.class);
		assertThat(scheduled.programmeId()).isEqualTo(nextId);
		assertThat(scheduled.start().toLocalDateTime()).as("the same wall-clock time, %d days on", DAYS)
			.isEqualTo(midtermStart.plusDays(DAYS));
		assertThat(scheduled.end().toLocalDateTime()).isEqualTo(midtermStart.plusDays(DAYS).plusMinutes(180));
		assertThat(EventRecords.all(Topics.SESSIONS)
			.stream()
			.filter(EventRecords.event("mentoring.programme-event.scheduled.v1", carriedMidterm))
			.count()).as("announced once").isEqualTo(1);
	}

}
