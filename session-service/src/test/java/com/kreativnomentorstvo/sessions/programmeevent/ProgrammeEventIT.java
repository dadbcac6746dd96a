package com.kreativnomentorstvo.sessions.programmeevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ParticipantAdmitted;
import com.kreativnomentorstvo.events.participants.ParticipantRejected;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The midterm training and other group events: scheduled by coordinators, answered by invitees, attended. */
class ProgrammeEventIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aTrainingCarriesItsTitlePerLanguageInEveryAnnouncementAndAnUnknownLanguageIsNamed() {
		TestProgramme programme = known(TestProgramme.announced());
		String path = "/api/v1/programmes/" + programme.id + "/events";
		Reply created = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
				"Digital tools clinic", "titles", Map.of("sr-Latn", "Radionica digitalnih alata", "mk",
						"Работилница за дигитални алатки"),
				"start", inDays(20, 10, 0).toString(), "durationMinutes", 120, "timeZone", "Europe/Belgrade"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		assertThat(created.json().at("/titles/mk").asString()).isEqualTo("Работилница за дигитални алатки");
		ConsumerRecord<String, byte[]> scheduled = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.scheduled.v1", eventId));
		EventAssertions.assertContractKept(scheduled);
		assertThat(EventRecords.value(scheduled)).contains("\"titles\":{").contains("Radionica digitalnih alata");

		Reply unknown = api().patch(path + "/" + eventId, programme.coordinatorToken(),
				Map.of("titles", Map.of("de", "Werkstatt")));
		assertProblem(unknown, 422);
		assertThat(unknown.problemFields()).containsExactly("titles.de");
		Reply retitled = api().patch(path + "/" + eventId, programme.coordinatorToken(),
				Map.of("titles", Map.of("sl", "Delavnica digitalnih orodij")));
		assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);
		assertThat(retitled.json().get("titles").propertyNames()).containsExactly("sl");
		ConsumerRecord<String, byte[]> rescheduled = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.rescheduled.v1", eventId));
		EventAssertions.assertContractKept(rescheduled);
		assertThat(EventRecords.value(rescheduled)).as("a new title is news").contains("Delavnica digitalnih orodij");
	}

	@Test
	void theMidtermTrainingIsAnnouncedAnsweredAndInTheInviteesCalendars() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";

		Map<String, Object> training = Map.of("kind", "MIDTERM_TRAINING", "title",
				"Midterm training: progress, challenges, next steps", "start", inDays(14, 10, 0).toString(),
				"durationMinutes", 180, "timeZone", "Europe/Skopje", "mode", "IN_PERSON", "venue",
				"Kino Kultura, Skopje", "description", "Bring your midterm review");
		assertProblem(api().post(path, programme.partnerCoordinatorToken(), training), 403);
		Reply created = api().post(path, programme.coordinatorToken(), training);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		ConsumerRecord<String, byte[]> announced = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.scheduled.v1", eventId));
		EventAssertions.assertContractKept(announced);
		assertThat(EventRecords.value(announced)).contains("\"invitedRoles\":[\"MENTOR\",\"MENTEE\"]")
			.doesNotContain("Bring your midterm review");

		Reply answered = api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(),
				Map.of("response", "YES"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		api().put(path + "/" + eventId + "/rsvp", pair.mentorToken(), Map.of("response", "MAYBE"));
		api().put(path + "/" + eventId + "/rsvp", pair.mentorToken(), Map.of("response", "NO"));

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
		Reply ics = api().get(path + "/" + eventId + "/calendar.ics", pair.menteeToken());
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.body()).contains("TZID:Europe/Skopje").contains("Kino Kultura");

		// attendance is for after the start, and for coordinators
		assertProblem(api().put(path + "/" + eventId + "/attendance", programme.coordinatorToken(),
				Map.of("records", List.of(Map.of("participantId", pair.menteeId(), "status", "PRESENT")))), 409);
	}

	@Test
	void attendanceOfATrainingThatTookPlaceIsRecordedByCoordinators() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
				"Digital tools clinic", "start", inDays(-1, 16, 0).toString(), "durationMinutes", 90, "timeZone",
				"Europe/Belgrade")).json().get("id").asString();
		String attendance = ServiceApi.json(Map.of("records", List.of(Map.of("participantId", pair.menteeId(), "status",
				"PRESENT"), Map.of("participantId", pair.mentorId(), "status", "EXCUSED"))));

		assertProblem(api().put(path + "/" + eventId + "/attendance", pair.menteeToken(), attendance), 403);
		Reply recorded = api().put(path + "/" + eventId + "/attendance", programme.coordinatorToken(), attendance);

		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		assertThat(recorded.json().get("attendance").findValuesAsString("status"))
			.containsExactlyInAnyOrder("PRESENT", "EXCUSED");
		assertThat(recorded.json().get("meetingUrl").asString()).startsWith("https://meet.jit.si/");
		assertProblem(api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(), Map.of("response", "YES")),
				409);
	}

	@Test
	void anEventForMentorsIsNotShownToMenteesAndOutsidersLearnNothing() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		TestProgramme elsewhere = TestProgramme.announced();
		TestProgramme.Pair stranger = startedPair(elsewhere, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
				"Mentor circle", "start", inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone",
				"Europe/Ljubljana", "invitedRoles", List.of("MENTOR"))).json().get("id").asString();

		assertThat(api().get(path + "/" + eventId, pair.mentorToken()).status()).isEqualTo(200);
		assertProblem(api().get(path + "/" + eventId, pair.menteeToken()), 404);
		assertThat(api().get(path, pair.menteeToken()).json().get("items").findValuesAsString("id")).doesNotContain(eventId);
		assertProblem(api().put(path + "/" + eventId + "/rsvp", pair.menteeToken(), Map.of("response", "YES")),
				404);
		assertProblem(api().get(path + "/" + eventId, stranger.mentorToken()), 404);
		assertProblem(api().get(path, stranger.mentorToken()), 404);
		assertProblem(api().get(path + "/" + eventId, elsewhere.coordinatorToken()), 404);
		assertProblem(api().post(path, elsewhere.coordinatorToken(), Map.of("kind", "TRAINING", "title", "x",
				"start", inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Ljubljana")), 404);
		assertProblem(api().post(path, pair.mentorToken(), Map.of("kind", "TRAINING", "title", "x", "start",
				inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone", "Europe/Ljubljana")), 403);
		Reply backwards = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING",
				"title", "x", "start", inDays(20, 17, 0).toString(), "end", inDays(20, 16, 0).toString(), "timeZone",
				"Europe/Ljubljana"));
		assertProblem(backwards, 422);
		assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("end");
	}

	@Test
	void anApplicantTakesPartInTheProgrammesEventsOnceAdmittedAndARejectedOneNever() {
		TestProgramme programme = TestProgramme.announced();
		String admitted = programme.apply(Role.MENTEE);
		String rejected = programme.apply(Role.MENTEE);
		awaitEnrolled(admitted, rejected);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
				"Kick-off", "start", inDays(20, 17, 0).toString(), "durationMinutes", 60, "timeZone",
				"Europe/Belgrade")).json().get("id").asString();
		String asAdmitted = tokens().participant(admitted, programme.organiser, "mentee");
		String asRejected = tokens().participant(rejected, programme.organiser, "mentee");
		// before the decision neither takes part
		assertProblem(api().get(path + "/" + eventId, asAdmitted), 404);

		Upstream.publish(new ParticipantAdmitted(admitted, programme.id, programme.organiser, Role.MENTEE,
				TestTokens.accountOf(admitted), null, null, Instant.now()));
		Upstream.publish(new ParticipantRejected(rejected, programme.id, programme.organiser, Role.MENTEE,
				"PROGRAMME_FULL", Instant.now()));

		Awaitility.await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(api().get(path + "/" + eventId, asAdmitted).status()).isEqualTo(200));
		assertThat(api().put(path + "/" + eventId + "/rsvp", asAdmitted, Map.of("response", "YES")).status())
			.isEqualTo(200);
		assertProblem(api().get(path + "/" + eventId, asRejected), 404);
		assertProblem(api().get(path, asRejected), 404);
		assertProblem(api().put(path + "/" + eventId + "/rsvp", asRejected, Map.of("response", "YES")), 404);
	}

	@Test
	void aCoordinatorMovesThenCancelsATrainingAndCalendarsAndEventsFollow() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		String path = "/api/v1/programmes/" + programme.id + "/events";
		Reply created = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING",
				"title", "Digital tools clinic", "start", inDays(12, 10, 0).toString(), "durationMinutes", 120,
				"timeZone", "Europe/Belgrade", "mode", "IN_PERSON", "venue", "Dom omladine, Beograd"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		String event = path + "/" + eventId;
		String firstTag = api().get(event, programme.coordinatorToken()).header("ETag");
		assertThat(firstTag).isEqualTo(created.header("ETag")).isNotBlank();
		api().put(event + "/rsvp", pair.menteeToken(), Map.of("response", "YES"));
		String answeredTag = api().get(event, programme.coordinatorToken()).header("ETag");

		String move = ServiceApi.json(Map.of("start", inDays(19, 14, 30).toString(), "durationMinutes", 90, "timeZone",
				"Europe/Skopje", "venue", "Kino Kultura, Skopje"));
		assertProblem(api().patch(event, programme.partnerCoordinatorToken(), move, answeredTag), 403);
		Reply moved = api().patch(event, programme.coordinatorToken(), move, answeredTag);

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.header("ETag")).isNotEqualTo(answeredTag);
		assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);
		assertThat(moved.json().get("timeZone").asString()).isEqualTo("Europe/Skopje");
		assertThat(moved.json().get("answers").get("YES").asInt()).isEqualTo(1);
		ConsumerRecord<String, byte[]> rescheduled = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.rescheduled.v1", eventId));
		EventAssertions.assertContractKept(rescheduled);
		JsonNode data = JSON.readTree(rescheduled.value());
		assertThat(data.get("sequence").asInt()).isEqualTo(1);
		assertThat(data.get("previousStart").asString()).startsWith(inDays(12, 10, 0).toString());
		assertThat(data.get("start").asString()).startsWith(inDays(19, 14, 30).toString());
		assertThat(data.get("venue").asString()).isEqualTo("Kino Kultura, Skopje");
		assertThat(EventRecords.value(rescheduled)).contains("\"invitedRoles\":[\"MENTOR\",\"MENTEE\"]");

		VEvent movedEntry = entry(api().get(event + "/calendar.ics", pair.menteeToken()).body());
		assertThat(movedEntry.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(movedEntry.getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(inDays(19, 14, 30).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
		assertThat(movedEntry.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("Europe/Skopje");
		assertThat(movedEntry.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");

		// a change based on what was read before the move is refused, and changes nothing
		assertProblem(api().patch(event, programme.coordinatorToken(), Map.of("title", "Stale"),
				answeredTag), 412);
		assertThat(api().get(event, programme.coordinatorToken()).json().get("title").asString())
			.isEqualTo("Digital tools clinic");

		Reply cancelled = api().post(event + "/cancel", programme.coordinatorToken(),
				Map.of("reason", "VENUE_UNAVAILABLE"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		ConsumerRecord<String, byte[]> called = EventRecords.await(Topics.SESSIONS,
				EventRecords.event("mentoring.programme-event.cancelled.v1", eventId));
		EventAssertions.assertContractKept(called);
		assertThat(EventRecords.value(called)).contains("\"reason\":\"VENUE_UNAVAILABLE\"").contains("\"sequence\":2");

		Reply ics = api().get(event + "/calendar.ics", pair.menteeToken());
		assertThat(ics.header("Content-Type")).contains("method=CANCEL");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent cancelledEntry = entry(ics.body());
		assertThat(cancelledEntry.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(cancelledEntry.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
		assertThat(cancelledEntry.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(movedEntry.getProperty(Property.UID).orElseThrow().getValue());

		// a called-off event takes no answers, moves or second cancellation
		assertProblem(api().put(event + "/rsvp", pair.mentorToken(), Map.of("response", "YES")), 409);
		assertProblem(api().patch(event, programme.coordinatorToken(), Map.of("durationMinutes", 60)), 409);
		assertProblem(api().post(event + "/cancel", programme.coordinatorToken(), Map.of("reason", "OTHER")),
				409);
		// and in the feed it is marked cancelled, so calendar apps remove it
		List<VEvent> feed = new CalendarBuilder()
			.build(new StringReader(api().get("/api/v1/participants/" + pair.menteeId() + "/calendar.ics",
					pair.menteeToken()).body()))
			.getComponents(Component.VEVENT);
		assertThat(feed).filteredOn(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue()
			.equals("Digital tools clinic"))
			.singleElement()
			.satisfies(e -> assertThat(e.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED"));
	}

	@Test
	void onlyTheProgrammesCoordinatorsMoveOrCancelItsEventsAndOnlyBeforeTheyStart() {
		TestProgramme programme = TestProgramme.announced();
		TestProgramme.Pair pair = startedPair(programme, 10);
		TestProgramme elsewhere = TestProgramme.announced();
		String path = "/api/v1/programmes/" + programme.id + "/events";
		String eventId = api().post(path, programme.coordinatorToken(), Map.of("kind", "KICK_OFF", "title",
				"Kick-off", "start", inDays(8, 10, 0).toString(), "durationMinutes", 120, "timeZone",
				"Europe/Belgrade")).json().get("id").asString();
		String event = path + "/" + eventId;
		String move = ServiceApi.json(Map.of("start", inDays(9, 10, 0).toString()));
		String cancel = ServiceApi.json(Map.of("reason", "OTHER"));

		assertProblem(api().patch(event, elsewhere.coordinatorToken(), move), 404);
		assertProblem(api().post(event + "/cancel", elsewhere.coordinatorToken(), cancel), 404);
		assertProblem(api().patch("/api/v1/programmes/" + elsewhere.id + "/events/" + eventId,
				elsewhere.coordinatorToken(), move), 404);
		assertProblem(api().patch(event, pair.mentorToken(), move), 403);
		assertProblem(api().post(event + "/cancel", pair.menteeToken(), cancel), 403);

		Reply backwards = api().patch(event, programme.coordinatorToken(),
				Map.of("start", inDays(9, 12, 0).toString(), "end", inDays(9, 11, 0).toString()));
		assertProblem(backwards, 422);
		assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("end");
		Reply unknownZone = api().patch(event, programme.coordinatorToken(),
				Map.of("timeZone", "Europe/Atlantis"));
		assertProblem(unknownZone, 422);
		assertThat(unknownZone.json().get("errors").findValuesAsString("field")).containsExactly("timeZone");
		Reply intoThePast = api().patch(event, programme.coordinatorToken(),
				Map.of("start", inDays(-2, 10, 0).toString()));
		assertProblem(intoThePast, 422);
		assertThat(intoThePast.json().get("errors").findValuesAsString("field")).containsExactly("start");
		assertProblem(api().post(event + "/cancel", programme.coordinatorToken(), Map.of("reason", "BORED")),
				400);
		assertThat(api().get(event, programme.coordinatorToken()).json().get("sequence").asInt()).isZero();

		String pastId = api().post(path, programme.coordinatorToken(), Map.of("kind", "TRAINING", "title",
				"Held yesterday", "start", inDays(-1, 10, 0).toString(), "durationMinutes", 60, "timeZone",
				"Europe/Belgrade")).json().get("id").asString();
		assertProblem(api().patch(path + "/" + pastId, programme.coordinatorToken(), move), 409);
		assertProblem(api().post(path + "/" + pastId + "/cancel", programme.coordinatorToken(), cancel), 409);
	}

	private static VEvent entry(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics))
			.getComponent(Component.VEVENT)
			.map(VEvent.class::cast)
			.orElseThrow();
	}

}
