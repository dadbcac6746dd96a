package com.kreativnomentorstvo.participants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * A programme's status: moved on by its dates (the scheduled round, asked at later instants as the
 * service's clock would give them), moved by its organiser's coordinators, refused moves, who may move
 * it, an archived programme's edits, and the events every move publishes.
 */
class ProgrammeStatusIT extends ServiceIT {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	@Autowired
	ProgrammeStatuses statuses;

	@Autowired
	StatusSchedule schedule;

	@Test
	void theDatesMoveAProgrammeFromOpenThroughRunningAndClosingToClosed() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		Reply created = api.get("/api/v1/programmes/" + programme, admin);
		LocalDate startsOn = LocalDate.parse(created.text("startsOn"));
		LocalDate endsOn = LocalDate.parse(created.text("endsOn"));
		assertThat(created.text("status")).as("enrolment is open today").isEqualTo("OPEN");

		assertThat(statuses.followDates(programme, morningOf(startsOn.minusDays(1)))).as("not yet").isFalse();
		assertThat(statuses.followDates(programme, morningOf(startsOn))).isTrue();
		assertThat(status(programme)).isEqualTo("RUNNING");
		assertThat(statuses.followDates(programme, morningOf(endsOn.minusDays(15)))).isFalse();
		assertThat(statuses.followDates(programme, morningOf(endsOn.minusDays(14)))).isTrue();
		assertThat(status(programme)).isEqualTo("CLOSING");
		assertThat(statuses.followDates(programme, morningOf(endsOn))).isFalse();
		assertThat(statuses.followDates(programme, morningOf(endsOn.plusDays(1)))).isTrue();
		assertThat(statuses.followDates(programme, morningOf(endsOn.plusDays(2)))).as("once").isFalse();

		Reply closed = api.get("/api/v1/programmes/" + programme, admin);
		assertThat(closed.text("status")).isEqualTo("CLOSED");
		assertThat(closed.json().path("openForEnrolment").asBoolean()).isFalse();
		List<ProgrammeStatusChanged> moves = awaitMoves(programme, 3);
		assertThat(moves).extracting(ProgrammeStatusChanged::from, ProgrammeStatusChanged::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING),
					org.assertj.core.groups.Tuple.tuple(ProgrammeStatus.RUNNING, ProgrammeStatus.CLOSING),
					org.assertj.core.groups.Tuple.tuple(ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED));
		assertThat(moves).allSatisfy(move -> {
			assertThat(move.by()).isEqualTo("DATES");
			assertThat(move.organiserId()).isEqualTo(organiser);
		});
		assertThat(moves.get(2).at()).isEqualTo(morningOf(endsOn.plusDays(1)));
		// each move is written with the new state, which every service's programme directory keeps
		String updated = EventType.PROGRAMME_UPDATED.typeName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANTS, EventRecords.event(updated, programme)).size() >= 3);
		List<ConsumerRecord<String, byte[]>> updates = records(Topics.PARTICIPANTS, EventRecords.event(updated, programme));
		assertThat(updates).map(r -> EventAssertions.assertContractKept(r, ProgrammeUpdated.class).programme().status())
			.containsExactly(ProgrammeStatus.RUNNING, ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED);
	}

	@Test
	void theScheduledRoundAnnouncesTheStatusOfAProgrammeStoredBeforeStatusesOnce() {
		String organiser = newOrganisation("HR");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(programme)), new Update().unset("status"), "programmes");
		assertThat(status(programme)).as("read as its dates give").isEqualTo("OPEN");

		schedule.run();
		schedule.run();

		assertThat(mongo.findById(programme, org.bson.Document.class, "programmes").getString("status")).isEqualTo("OPEN");
		List<ProgrammeStatusChanged> moves = awaitMoves(programme, 1);
		assertThat(moves).singleElement().satisfies(move -> {
			assertThat(move.from()).isNull();
			assertThat(move.to()).isEqualTo(ProgrammeStatus.OPEN);
		});
	}

	@Test
	void theOrganisersCoordinatorMovesItOnAndAMoveItsStatusDoesNotAllowNamesTheStatus() {
		String organiser = newOrganisation("RS");
		String partner = newOrganisation("SI");
		String outsider = newOrganisation("MK");
		String programme = newProgramme(Fixtures.aProgramme(organiser, partner));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme + "/status";

		Reply byPartner = api.post(path, TOKENS.coordinator(partner), Map.of("status", "RUNNING"));
		Reply byOutsider = api.post(path, TOKENS.coordinator(outsider), Map.of("status", "RUNNING"));
		Reply anonymous = api.post(path, null, Map.of("status", "RUNNING"));
		Reply running = api.post(path, coordinator, Map.of("status", "RUNNING", "reason", "Every place is taken"));
		Reply back = api.post(path, coordinator, Map.of("status", "OPEN"));
		Reply archived = api.post(path, coordinator, Map.of("status", "ARCHIVED"));
		Reply unknown = api.post(path, coordinator, Map.of("status", "FINISHED"));
		Reply none = api.post(path, coordinator, Map.of("reason", "no status"));
		Reply again = api.post(path, coordinator, Map.of("status", "RUNNING"));

		assertThat(byPartner.status()).as(byPartner.toString()).isEqualTo(403);
		assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(running.status()).as(running.toString()).isEqualTo(200);
		assertThat(running.text("status")).isEqualTo("RUNNING");
		assertThat(running.json().path("openForEnrolment").asBoolean()).as("applications end with OPEN").isFalse();
		for (Reply refused : List.of(back, archived)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.problemFields()).containsExactly("status");
		}
		assertThat(back.text("detail")).contains("RUNNING").contains("OPEN").contains("CLOSING, CLOSED");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemFields()).containsExactly("status");
		assertThat(none.status()).isIn(400, 422);
		assertThat(none.problemFields()).containsExactly("status");
		assertThat(again.status()).as("the status it has changes nothing").isEqualTo(200);
		assertThat(again.etag()).isEqualTo(running.etag());
		assertThat(status(programme)).as("nothing of the refused moves is kept").isEqualTo("RUNNING");

		List<ProgrammeStatusChanged> moves = awaitMoves(programme, 1);
		assertThat(moves).singleElement().satisfies(move -> {
			assertThat(move).isEqualTo(new ProgrammeStatusChanged(programme, organiser, ProgrammeStatus.OPEN,
					ProgrammeStatus.RUNNING, "COORDINATOR", move.at()));
		});
		assertThat(EventRecords.value(records(Topics.PARTICIPANTS,
				EventRecords.event(EventType.PROGRAMME_STATUS_CHANGED.typeName(), programme)).get(0)))
			.as("her reason is free text and stays here").doesNotContain("Every place");
	}

	@Test
	void aProgrammeMovedOnBeforeItsWindowClosedTakesNoApplications() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String applicant = TOKENS.token().subject("applicant-" + Fixtures.unique()).organisation(organiser)
			.roles("mentee").sign();
		api.post("/api/v1/programmes/" + programme + "/status", TOKENS.coordinator(organiser),
				Map.of("status", "RUNNING"));

		Reply applied = api.post("/api/v1/participants", applicant, Fixtures.aMentee(programme, organiser));

		assertThat(applied.status()).as(applied.toString()).isEqualTo(409);
		assertThat(applied.problemType()).isEqualTo("urn:mentoring:problem:enrolment-closed");
		assertThat(applied.problemFields()).containsExactly("status");
		assertThat(api.get("/api/v1/participants", applicant).json().path("total").asLong()).isZero();
	}

	@Test
	void anArchivedProgrammeIsReadOnly() {
		String organiser = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme;
		assertThat(api.post(path + "/status", coordinator, Map.of("status", "CLOSED")).status()).isEqualTo(200);
		Reply archived = api.post(path + "/status", coordinator, Map.of("status", "ARCHIVED"));
		assertThat(archived.status()).as(archived.toString()).isEqualTo(200);

		Reply renamed = api.patch(path, coordinator, Map.of("name", "Renamed"), archived.etag());
		Reply milestone = api.post(path + "/milestones", coordinator,
				Map.of("kind", "TRAINING", "date", Fixtures.today().plusDays(60).toString()));
		Reply call = api.put(path + "/call", coordinator, Json.object().with("texts", Map.of()).with("questions", List.of()));
		Reply reopened = api.post(path + "/status", coordinator, Map.of("status", "CLOSED"));

		for (Reply refused : List.of(renamed, milestone, call, reopened)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.problemFields()).containsExactly("status");
		}
		Reply read = api.get(path, coordinator);
		assertThat(read.text("status")).isEqualTo("ARCHIVED");
		assertThat(read.text("name")).isNotEqualTo("Renamed");
		assertThat(read.etag()).isEqualTo(archived.etag());
	}

	@Test
	void aClosedProgrammeTakesNobodyNewNeitherEnrolledNorInvited() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String coordinator = TOKENS.coordinator(organiser);
		String path = "/api/v1/programmes/" + programme;
		Reply open = api.post("/api/v1/participants", coordinator, Fixtures.aMentor(programme, organiser));
		assertThat(open.status()).as("while it runs: " + open).isEqualTo(201);
		assertThat(api.post(path + "/status", coordinator, Map.of("status", "CLOSED")).status()).isEqualTo(200);

		Reply enrolled = api.post("/api/v1/participants", coordinator, Fixtures.aMentor(programme, organiser));
		Reply invited = api.post(path + "/invitations", coordinator, List.of(Json.object()
			.with("name", "Invitee " + Fixtures.unique())
			.with("email", "invitee-" + Fixtures.unique() + "@example.org")
			.with("role", "MENTOR")
			.with("organisation", organiser)
			.with("language", "en")));

		for (Reply refused : List.of(enrolled, invited)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo("urn:mentoring:problem:enrolment-closed");
			assertThat(refused.problemFields()).containsExactly("status");
			assertThat(refused.text("detail")).contains("CLOSED");
		}
		assertThat(api.get("/api/v1/participants?programmeId=" + programme, coordinator).json().path("total").asLong())
			.as("only the one enrolled while it ran").isEqualTo(1);
		assertThat(mongo.count(Query.query(Criteria.where("programmeId").is(programme)), "invitationBatches"))
			.as("no invitation list kept").isZero();
	}

	@Test
	void datesOutOfOrderAreRefusedNamingTheField() {
		String organiser = newOrganisation("HR");
		LocalDate today = Fixtures.today();

		Reply endsFirst = api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser)
			.with("endsOn", today.plusDays(10).toString())
			.with("milestones", List.of()));
		Reply windowReversed = api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser)
			.with("enrolmentClosesOn", today.minusDays(20).toString()));
		Reply windowPastTheEnd = api.post("/api/v1/programmes", admin, Fixtures.aProgramme(organiser)
			.with("enrolmentClosesOn", today.plusDays(300).toString()));

		assertThat(endsFirst.status()).isEqualTo(422);
		assertThat(endsFirst.problemFields()).contains("endsOn");
		assertThat(windowReversed.status()).isEqualTo(422);
		assertThat(windowReversed.problemFields()).containsExactly("enrolmentClosesOn");
		assertThat(windowPastTheEnd.status()).isEqualTo(422);
		assertThat(windowPastTheEnd.problemFields()).containsExactly("enrolmentClosesOn");
		assertThat(mongo.count(Query.query(Criteria.where("organiserId").is(organiser)), "programmes"))
			.as("no programme of the refused ones stored").isZero();

		// an existing programme's end moved before its start: refused, the programme as it was
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		Reply before = api.get("/api/v1/programmes/" + programme, admin);
		Reply moved = api.patch("/api/v1/programmes/" + programme, admin,
				Map.of("endsOn", LocalDate.parse(before.text("startsOn")).minusDays(1).toString()), before.etag());
		assertThat(moved.status()).as(moved.toString()).isEqualTo(422);
		assertThat(moved.problemFields()).contains("endsOn");
		Reply after = api.get("/api/v1/programmes/" + programme, admin);
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(after.text("endsOn")).isEqualTo(before.text("endsOn"));
	}

	private String status(String programme) {
		return api.get("/api/v1/programmes/" + programme, admin).text("status");
	}

	private static Instant morningOf(LocalDate day) {
		return day.atTime(8, 0).atZone(BELGRADE).toInstant();
	}

	/** The programme's status changes, each valid against its schema, once at least {@code count} are out. */
	private static List<ProgrammeStatusChanged> awaitMoves(String programme, int count) {
		String type = EventType.PROGRAMME_STATUS_CHANGED.typeName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANTS, EventRecords.event(type, programme)).size() >= count);
		return records(Topics.PARTICIPANTS, EventRecords.event(type, programme)).stream()
			.map(r -> EventAssertions.assertContractKept(r, ProgrammeStatusChanged.class))
			.toList();
	}

}
