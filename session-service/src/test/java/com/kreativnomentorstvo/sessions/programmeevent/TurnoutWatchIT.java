package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * A group event coming within three days whose invitees have mostly not said yes is flagged to the
 * programme's coordinators, once; one with enough acceptances, or still far off, is not.
 */
class TurnoutWatchIT extends IntegrationTest {

	@Autowired
	TurnoutWatch watch;

	@Test
	void aTrainingSoonWithFewAcceptancesIsFlaggedOnceAndOthersAreNot() {
		TestProgramme programme = known(TestProgramme.announced());
		List<String> mentees = List.of(programme.enrol(Role.MENTEE, "Europe/Belgrade", "Ana"),
				programme.enrol(Role.MENTEE, "Europe/Zagreb", "Iva"), programme.enrol(Role.MENTEE, "Europe/Skopje", "Sara"),
				programme.enrol(Role.MENTEE, "Europe/Ljubljana", "Luka"));
		awaitEnrolled(mentees.toArray(String[]::new));
		String thin = training(programme, "Thinly attended", 2);
		String full = training(programme, "Well attended", 2);
		String later = training(programme, "Far off", 10);
		answer(programme, thin, mentees.get(0), "YES");
		answer(programme, thin, mentees.get(1), "MAYBE");
		for (String mentee : mentees.subList(0, 3)) {
			answer(programme, full, mentee, "YES");
		}

		assertThat(watch.check(Instant.now())).isPositive();
		watch.check(Instant.now());

		ConsumerRecord<String, byte[]> flagged = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.turnout-flagged.v1", thin));
		EventAssertions.assertContractKept(flagged);
		assertThat(EventRecords.value(flagged)).contains("\"invited\":4")
			.contains("\"accepted\":1")
			.contains("\"undecided\":1")
			.contains("\"title\":\"Thinly attended\"");
		List<ConsumerRecord<String, byte[]>> turnouts = EventRecords.all(Topics.SESSIONS)
			.stream()
			.filter(r -> "mentoring.programme-event.turnout-flagged.v1".equals(EventRecords.header(r, "ce_type")))
			.toList();
		assertThat(turnouts.stream().filter(r -> thin.equals(r.key())).map(r -> EventRecords.header(r, "ce_id")).distinct())
			.as("flagged once, however often the watch looks").hasSize(1);
		assertThat(turnouts).extracting(ConsumerRecord::key).doesNotContain(full, later);
	}

	private String training(TestProgramme programme, String title, int days) {
		Reply created = api().post("/api/v1/programmes/" + programme.id + "/events", programme.coordinatorToken(),
				Map.of("kind", "TRAINING", "title", title, "start", inDays(days, 10, 0).toString(), "durationMinutes",
						120, "timeZone", "Europe/Belgrade", "invitedRoles", List.of("MENTEE")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void answer(TestProgramme programme, String eventId, String mentee, String response) {
		Reply answered = api().put("/api/v1/programmes/" + programme.id + "/events/" + eventId + "/rsvp",
				TestTokens.shared().participant(mentee, programme.organiser, "mentee"), Map.of("response", response));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
	}

}
