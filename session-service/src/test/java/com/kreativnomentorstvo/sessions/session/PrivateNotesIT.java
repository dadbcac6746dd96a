package com.kreativnomentorstvo.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/** A private note is read by its author only: not by the other member, not by coordinators, not in any event. */
class PrivateNotesIT extends IntegrationTest {

	private static final String MENTOR_SHARED = "Shared: we mapped the festival's partners";

	private static final String MENTOR_PRIVATE = "Private: I think she is close to burning out";

	private static final String MENTEE_PRIVATE = "Private: ask Ana for her contact at the ministry";

	@Test
	void privateNotesReachOnlyTheirAuthor() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String session = booked(pair, inDays(-2, 16, 0), 60);
		ServiceApi api = api();

		Reply held = api.post("/api/v1/sessions/" + session + "/held", pair.mentorToken(),
				Map.of("sharedNotes", MENTOR_SHARED, "privateNotes", MENTOR_PRIVATE));
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		Reply menteeNotes = api.put("/api/v1/sessions/" + session + "/notes", pair.menteeToken(),
				Map.of("privateNotes", MENTEE_PRIVATE));
		assertThat(menteeNotes.status()).as(menteeNotes.body()).isEqualTo(200);

		assertThat(notes(api.get("/api/v1/sessions/" + session, pair.mentorToken()).json()))
			.containsExactlyInAnyOrder(MENTOR_SHARED, MENTOR_PRIVATE);
		assertThat(notes(api.get("/api/v1/sessions/" + session, pair.menteeToken()).json()))
			.containsExactlyInAnyOrder(MENTOR_SHARED, MENTEE_PRIVATE);
		assertThat(notes(menteeNotes.json())).doesNotContain(MENTOR_PRIVATE);
		// the pair's steward (the organiser: both are its participants) and administrators see the session, no note
		assertProblem(api.get("/api/v1/sessions/" + session, programme.partnerCoordinatorToken()), 404);
		for (String coordinator : List.of(programme.coordinatorToken(), tokens().admin("org-platform"))) {
			Reply seen = api.get("/api/v1/sessions/" + session, coordinator);
			assertThat(seen.status()).isEqualTo(200);
			assertThat(notes(seen.json())).isEmpty();
			assertThat(seen.body()).doesNotContain(MENTOR_PRIVATE).doesNotContain(MENTEE_PRIVATE);
		}
		Reply list = api.get("/api/v1/mentorships/" + pair.mentorshipId() + "/sessions", pair.menteeToken());
		assertThat(list.body()).contains(MENTOR_SHARED).doesNotContain(MENTOR_PRIVATE);
		assertThat(api.get("/api/v1/sessions/" + session + "/calendar.ics", pair.menteeToken()).body())
			.doesNotContain("burning out").doesNotContain("ministry");

		// the held event went out, and no event about the session carries a note
		EventRecords.await(Topics.SESSIONS, EventRecords.event("mentoring.session.held.v1", session));
		List<ConsumerRecord<String, byte[]>> aboutSession = EventRecords.all(Topics.SESSIONS)
			.stream()
			.filter(r -> session.equals(r.key()))
			.toList();
		assertThat(aboutSession).hasSize(2);
		assertThat(aboutSession).extracting(EventRecords::value)
			.noneMatch(json -> json.contains("burning out") || json.contains("ministry") || json.contains("festival"));
	}

	@Test
	void coordinatorsCannotWriteNotesOrRecordASession() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String session = booked(pair, inDays(-3, 16, 0), 60);

		assertProblem(api().post("/api/v1/sessions/" + session + "/held", programme.coordinatorToken(), "{}"), 403);
		assertProblem(api().put("/api/v1/sessions/" + session + "/notes", programme.coordinatorToken(),
				Map.of("sharedNotes", "x")), 403);
	}

	private static List<String> notes(JsonNode session) {
		return session.get("notes").findValuesAsString("text");
	}

}
