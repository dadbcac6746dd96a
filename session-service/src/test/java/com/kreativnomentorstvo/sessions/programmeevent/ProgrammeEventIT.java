package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.sessions.support.Api;
import com.kreativnomentorstvo.sessions.support.EventContract;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.EventRecords;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/** The midterm training and other group events: scheduled by coordinators, answered by invitees, attended. */
class ProgrammeEventIT extends IntegrationTest {

	@Test
	void theMidtermTrainingIsAnnouncedAnsweredAndInTheInviteesCalendars() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";

		Api.Response created = api().post(path, programme.partnerCoordinatorToken(), Api.json(Map.of("kind",
				"MIDTERM_TRAINING", "title", "Midterm training: progress, challenges, next steps", "start",
				inDays(14, 10, 0).toString(), "durationMinutes", 180, "timeZone", "Europe/Skopje", "mode", "IN_PERSON",
				"venue", "Kino Kultura, Skopje", "description", "Bring your midterm review")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		ConsumerRecord<String, byte[]> announced = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.scheduled.v1", eventId));
		EventContract.assertValid(announced);
		assertThat(EventRecords.value(announced)).contains("\"invitedRoles\":[\"MENTOR\",\"MENTEE\"]")
			.doesNotContain("Bring your midterm review");

		Api.Response answered = api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(),
				Api.json(Map.of("response", "YES")));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		api().put(path + "/" + eventId + "/rsvp", pair.mentorToken(), Api.json(Map.of("response", "MAYBE")));
		api().put(path + "/" + eventId + "/rsvp", pair.mentorToken(), Api.json(Map.of("response", "NO")));

		JsonNode seenByMentee = api().get(path + "/" + eventId, pair.menteeToken()).json();
		assertThat(seenByMentee.at("/yourAnswer/response").asString()).isEqualTo("YES");
		assertThat(seenByMentee.get("rsvps").isNull()).isTrue();
		JsonNode seenByCoordinator = api().get(path + "/" + eventId, programme.coordinatorToken()).json();
		assertThat(seenByCoordinator.get("rsvps").findValuesAsString("response")).containsExactlyInAnyOrder("YES", "NO");
		assertThat(seenByCoordinator.at("/answers/YES").asInt()).isEqualTo(1);
		assertThat(api().get(path, pair.menteeToken()).json().get("items").findValuesAsString("id")).contains(eventId);

		// in the mentee's feed (she said yes), not in the mentor's (he said no)
		List<VEvent> menteeFeed = new CalendarBuilder()
			.build(new StringReader(api().get("/api/v1/participants/" + pair.menteeId() + "/calendar.ics",
					pair.menteeToken()).body()))
			.getComponents(Component.VEVENT);
		assertThat(menteeFeed).extracting(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue())
			.contains("Midterm training: progress, challenges, next steps");
		assertThat(api().get("/api/v1/participants/" + pair.mentorId() + "/calendar.ics", pair.mentorToken()).body())
			.doesNotContain("Midterm training");
		Api.Response ics = api().get(path + "/" + eventId + "/calendar.ics", pair.menteeToken());
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.body()).contains("TZID:Europe/Skopje").contains("Kino Kultura");

		// attendance is for after the start, and for coordinators
		assertProblem(api().put(path + "/" + eventId + "/attendance", programme.coordinatorToken(),
				Api.json(Map.of("records", List.of(Map.of("participantId", pair.menteeId(), "status", "PRESENT"))))), 409);
	}

	@Test
	void attendanceOfATrainingThatTookPlaceIsRecordedByCoordinators() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Api.json(Map.of("kind", "TRAINING", "title",
				"Digital tools clinic", "start", inDays(-1, 16, 0).toString(), "durationMinutes", 90, "timeZone",
				"Europe/Belgrade"))).json().get("id").asString();
		String attendance = Api.json(Map.of("records", List.of(Map.of("participantId", pair.menteeId(), "status",
				"PRESENT"), Map.of("participantId", pair.mentorId(), "status", "EXCUSED"))));

		assertProblem(api().put(path + "/" + eventId + "/attendance", pair.menteeToken(), attendance), 403);
		Api.Response recorded = api().put(path + "/" + eventId + "/attendance", programme.coordinatorToken(), attendance);

		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		assertThat(recorded.json().get("attendance").findValuesAsString("status"))
			.containsExactlyInAnyOrder("PRESENT", "EXCUSED");
		assertThat(recorded.json().get("meetingUrl").asString()).startsWith("https://meet.jit.si/");
		assertProblem(api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(), Api.json(Map.of("response", "YES"))),
				409);
	}

	@Test
	void anEventForMentorsIsNotShownToMenteesAndOutsidersLearnNothing() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		TestProgramme elsewhere = TestProgramme.announced();
		TestProgramme.Pair stranger = startedPair(elsewhere, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Api.json(Map.of("kind", "TRAINING", "title",
				"Mentor circle", "start", inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone",
				"Europe/Ljubljana", "invitedRoles", List.of("MENTOR")))).json().get("id").asString();

		assertThat(api().get(path + "/" + eventId, pair.mentorToken()).status()).isEqualTo(200);
		assertProblem(api().get(path + "/" + eventId, pair.menteeToken()), 404);
		assertThat(api().get(path, pair.menteeToken()).json().get("items").findValuesAsString("id")).doesNotContain(eventId);
		assertProblem(api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(), Api.json(Map.of("response", "YES"))),
				404);
		assertProblem(api().get(path + "/" + eventId, stranger.mentorToken()), 404);
		assertProblem(api().get(path, stranger.mentorToken()), 404);
		assertProblem(api().get(path + "/" + eventId, elsewhere.coordinatorToken()), 404);
		assertProblem(api().post(path, elsewhere.coordinatorToken(), Api.json(Map.of("kind", "TRAINING", "title", "x",
				"start", inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Ljubljana"))), 404);
		assertProblem(api().post(path, pair.mentorToken(), Api.json(Map.of("kind", "TRAINING", "title", "x", "start",
				inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Ljubljana"))), 403);
		Api.Response backwards = api().post(path, programme.coordinatorToken(), Api.json(Map.of("kind", "TRAINING",
				"title", "x", "start", inDays(20, 17, 0).toString(), "end", inDays(20, 16, 0).toString(), "timeZone",
				"Europe/Ljubljana")));
		assertProblem(backwards, 422);
		assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("end");
	}

}
