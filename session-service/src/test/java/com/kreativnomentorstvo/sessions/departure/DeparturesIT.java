package com.kreativnomentorstvo.sessions.departure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.ParticipantErased;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

/** What other services announce about pairs and people, and what this service does about it. */
class DeparturesIT extends IntegrationTest {

	@Test
	void anEndedMentorshipCallsOffItsFutureSessionsButKeepsWhatHappened() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 20);
		String past = booked(pair, inDays(-2, 10, 0), 60);
		api().post("/api/v1/sessions/" + past + "/held", pair.mentorToken(), "{}");
		String next = booked(pair, inDays(5, 10, 0), 60);
		String later = booked(pair, inDays(12, 10, 0), 60);

		Upstream.publish(new MentorshipEnded(pair.mentorshipId(), programme.id, programme.organiser, pair.mentorId(),
				pair.menteeId(), "ENDED_BY_COORDINATOR", Instant.now()));

		awaitSession(next, pair.menteeToken(), "CANCELLED");
		awaitSession(later, pair.menteeToken(), "CANCELLED");
		JsonNode cancelled = api().get("/api/v1/sessions/" + next, pair.menteeToken()).json();
		assertThat(cancelled.at("/cancellation/reason").asString()).isEqualTo("MENTORSHIP_ENDED");
		assertThat(cancelled.get("sequence").asInt()).isEqualTo(1);
		assertThat(api().get("/api/v1/sessions/" + past, pair.menteeToken()).json().get("status").asString())
			.isEqualTo("HELD");
		ConsumerRecord<String, byte[]> event = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.session.cancelled.v1", next));
		assertThat(EventRecords.value(event)).contains("\"reason\":\"MENTORSHIP_ENDED\"").doesNotContain("cancelledBy");
		EventAssertions.assertContractKept(event);

		// the mentor's time is free again for a new pair
		String mentee = programme.enrol(Role.MENTEE, "Europe/Belgrade", null);
		TestProgramme.Pair newPair = programme.start(pair.mentorId(), mentee, Instant.now());
		awaitMentorship(newPair.mentorshipId(), json -> true);
		awaitEnrolled(mentee);
		booked(newPair, inDays(5, 10, 0), 60);
	}

	@Test
	void aRedeliveredStartChangesNothing() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		Reply goal = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals", pair.menteeToken(),
				Map.of("title", "Learn fundraising"));
		assertThat(goal.status()).isEqualTo(201);

		// the same event again (an at-least-once relay), and the same fact under a new event id
		Upstream.publishAgain(pair.started(), pair.startedEventId());
		Upstream.publish(pair.started());
		Upstream.publish(new MentorshipEnded(pair.mentorshipId(), programme.id, programme.organiser, pair.mentorId(),
				pair.menteeId(), "COMPLETED", Instant.now()));
		awaitMentorship(pair.mentorshipId(), json -> json.get("status").asString().equals("ENDED"));
		Upstream.publish(pair.started());

		// ordered on the pair's key: the late copy of the start comes after the end and must not revive it
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> {
			JsonNode mentorship = api().get("/api/v1/mentorships/" + pair.mentorshipId(), pair.menteeToken()).json();
			return mentorship.get("status").asString().equals("ENDED") && mentorship.get("goals").size() == 1;
		});
		// a completed pair may still write its final review
		Reply review = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", pair.menteeToken(),
				Map.of("kind", "FINAL", "progress", "p", "challenges", "c", "nextSteps", "n"));
		assertThat(review.status()).as(review.body()).isEqualTo(201);
	}

	@Test
	void aWithdrawnParticipantsPairEndsAndHerFeedCloses() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String next = booked(pair, inDays(6, 17, 0), 60);
		Reply feed = api().post("/api/v1/participants/" + pair.menteeId() + "/calendar-feed", pair.menteeToken(),
				null);
		URI url = URI.create(feed.json().get("url").asString());
		String feedUrl = url.getPath() + "?" + url.getRawQuery();

		Upstream.publish(new ParticipantWithdrawn(pair.menteeId(), programme.id, programme.organiser, Role.MENTEE,
				"PERSONAL", Instant.now()));

		awaitMentorship(pair.mentorshipId(), json -> json.get("status").asString().equals("ENDED")
				&& json.get("endReason").asString().equals("PARTICIPANT_WITHDRAWN"));
		awaitSession(next, pair.mentorToken(), "CANCELLED");
		assertProblem(api().get(feedUrl, null), 404);
	}

	@Test
	void erasureRemovesWhatSheWroteAndKeepsWhatOthersWroteAndTheFigures() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String session = booked(pair, inDays(-1, 9, 0), 60);
		api().post("/api/v1/sessions/" + session + "/held", pair.mentorToken(),
				Map.of("sharedNotes", "MENTOR-SHARED", "privateNotes", "MENTOR-PRIVATE"));
		api().put("/api/v1/sessions/" + session + "/notes", pair.menteeToken(),
				Map.of("sharedNotes", "MENTEE-SHARED", "privateNotes", "MENTEE-PRIVATE"));
		api().post("/api/v1/sessions/" + session + "/feedback", pair.menteeToken(),
				Map.of("rating", 2, "comment", "MENTEE-COMMENT"));
		api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", pair.menteeToken(),
				Map.of("kind", "MIDTERM", "progress", "MENTEE-PROGRESS", "challenges", "c", "nextSteps", "n"));
		String goal = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals", pair.menteeToken(),
				Map.of("title", "MENTEE-GOAL")).json().get("id").asString();
		api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals/" + goal + "/check-ins", pair.menteeToken(),
				Map.of("progress", 30, "note", "MENTEE-CHECK-IN"));
		assertThat(api().get("/api/v1/mentorships/" + pair.mentorshipId(), pair.mentorToken()).json()
			.at("/mentee/name").asString()).isEqualTo("Marko Ilić");

		Upstream.publish(new ParticipantErased(pair.menteeId(), programme.id, programme.organiser, Instant.now()));
		Upstream.tombstone(Topics.PARTICIPANT_CONTACTS, pair.menteeId());

		awaitMentorship(pair.mentorshipId(), json -> json.get("status").asString().equals("ENDED")
				&& json.at("/mentee/name").isNull() && !json.toString().contains("MENTEE-GOAL"));
		String admin = tokens().admin("org-platform");
		String everything = api().get("/api/v1/sessions/" + session, pair.mentorToken()).body()
				+ api().get("/api/v1/sessions/" + session + "/feedback", admin).body()
				+ api().get("/api/v1/mentorships/" + pair.mentorshipId() + "/reviews", admin).body()
				+ api().get("/api/v1/mentorships/" + pair.mentorshipId(), admin).body();
		assertThat(everything).doesNotContain("MENTEE-").contains("MENTOR-SHARED").contains("MENTOR-PRIVATE");
		JsonNode feedback = api().get("/api/v1/sessions/" + session + "/feedback", admin).json();
		assertThat(feedback.findValuesAsString("authorRole")).containsExactly("MENTEE");
		assertThat(feedback.get(0).get("rating").asInt()).isEqualTo(2);
		JsonNode report = api().get("/api/v1/programmes/" + programme.id + "/progress", admin).json();
		assertThat(report.at("/totals/sessionsHeld").asInt()).isEqualTo(1);
		assertThat(report.at("/totals/feedbackCount").asInt()).isEqualTo(1);
		assertThat(report.at("/pairs/0/goals/averageProgress").asInt()).isEqualTo(30);
		// her country went with her: the funder report still counts her, in no country
		JsonNode funder = api().get("/api/v1/programmes/" + programme.id + "/funder-report", admin).json();
		assertThat(funder.at("/participants/byCountry").findValuesAsString("group")).containsExactly("RS", "unknown");
	}

	@Test
	void aPartnerAddedToTheProgrammeLaterSeesThePairsOfItsParticipants() {
		TestProgramme programme = TestProgramme.announced();
		// her organisation is not part of the programme yet: the organiser stewards her
		String mentor = programme.enrol(Role.MENTOR, "Europe/Ljubljana", "Ana Petrović");
		String mentee = programme.enrolOf("org-newcomer-" + programme.id, Role.MENTEE, "Europe/Skopje", "Marko Ilić");
		TestProgramme.Pair pair = programme.start(mentor, mentee, Instant.now().minus(Duration.ofDays(10)));
		awaitMentorship(pair.mentorshipId(), json -> true);
		awaitEnrolled(mentor, mentee);
		String newcomer = tokens().coordinator("org-newcomer-" + programme.id);
		assertProblem(api().get("/api/v1/mentorships/" + pair.mentorshipId(), newcomer), 404);

		ProgrammeDetails details = programme.details();
		ProgrammeDetails joined = new ProgrammeDetails(details.programmeId(),
				details.organiserId(), List.of(programme.partner, "org-newcomer-" + programme.id), details.name(),
				details.startsOn(), details.endsOn(), details.timeZone(), details.languages(), details.milestones(),
				details.enrolmentOpensOn(), details.enrolmentClosesOn(), details.taxonomy(), details.matchingPolicy());
		Upstream.publish(new ProgrammeUpdated(joined, 3, Instant.now()));
		Awaitility.await().atMost(PATIENCE)
			.until(() -> api().get("/api/v1/mentorships/" + pair.mentorshipId(), newcomer).status() == 200);

		// an older version arriving late changes nothing
		Upstream.publish(new ProgrammeUpdated(details, 2, Instant.now()));
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
			.until(() -> api().get("/api/v1/mentorships/" + pair.mentorshipId(), newcomer).status() == 200);
		assertThat(api().get("/api/v1/mentorships?programmeId=" + programme.id, newcomer).json().get("total").asInt())
			.isEqualTo(1);
	}

	private void awaitSession(String session, String token, String status) {
		Awaitility.await("session " + session + " " + status)
			.atMost(PATIENCE)
			.until(() -> api().get("/api/v1/sessions/" + session, token).json().get("status").asString().equals(status));
	}

}
