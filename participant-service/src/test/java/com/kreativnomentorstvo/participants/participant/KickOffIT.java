package com.kreativnomentorstvo.participants.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.EventType;
import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.Json;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Accepted participants become active when their programme starts, or earlier by hand. */
class KickOffIT extends ServiceIT {

	@Autowired
	Admissions admissions;

	@Test
	void acceptedParticipantsBecomeActiveWhenTheProgrammeStarts() {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String accepted = enrol(Fixtures.aMentor(programme, organiser));
		String applied = enrol(Fixtures.aMentee(programme, organiser));
		assertThat(api.post("/api/v1/participants/" + accepted + "/accept", admin, "{}").text("status"))
			.isEqualTo("ACCEPTED");

		admissions.activateStarted(Instant.now());
		assertThat(status(accepted)).as("not before the start").isEqualTo("ACCEPTED");

		// the organiser brings the start forward to today; the next run of the job activates her
		String path = "/api/v1/programmes/" + programme;
		Reply moved = api.patch(path, admin, Map.of("startsOn", Fixtures.today().toString()), api.get(path, admin).etag());
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(admissions.activateStarted(Instant.now())).isGreaterThanOrEqualTo(1);

		assertThat(status(accepted)).isEqualTo("ACTIVE");
		assertThat(status(applied)).as("applicants are not activated").isEqualTo("APPLIED");
		String type = EventType.PARTICIPANT_PROFILE_UPDATED.typeName();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> records(Topics.PARTICIPANTS, EventRecords.event(type, accepted)).stream()
				.anyMatch(r -> EventRecords.value(r).contains("\"status\":\"ACTIVE\"")));
	}

	@Test
	void aParticipantAcceptedAfterTheStartIsActiveAtOnce() {
		String organiser = newOrganisation("HR");
		LocalDate today = Fixtures.today();
		Json running = Fixtures.aProgramme(organiser)
			.with("startsOn", today.minusDays(5).toString())
			.with("milestones", List.of())
			.with("enrolmentOpensOn", today.minusDays(30).toString())
			.with("enrolmentClosesOn", today.plusDays(5).toString());
		String programme = newProgramme(running);
		String late = enrol(Fixtures.aMentee(programme, organiser));

		Reply accepted = api.post("/api/v1/participants/" + late + "/accept", TOKENS.coordinator(organiser), null);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("ACTIVE");
	}

	@Test
	void aCoordinatorActivatesAnAcceptedParticipantEarlyButNotAnApplicant() {
		String organiser = newOrganisation("SI");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String participant = enrol(Fixtures.aMentor(programme, organiser));
		String coordinator = TOKENS.coordinator(organiser);

		Reply tooSoon = api.post("/api/v1/participants/" + participant + "/activate", coordinator, null);
		api.post("/api/v1/participants/" + participant + "/accept", coordinator, null);
		Reply activated = api.post("/api/v1/participants/" + participant + "/activate", coordinator, null);
		Reply again = api.post("/api/v1/participants/" + participant + "/activate", coordinator, null);

		assertThat(tooSoon.status()).isEqualTo(409);
		assertThat(tooSoon.problemType()).isEqualTo("urn:mentoring:problem:invalid-status-transition");
		assertThat(activated.text("status")).isEqualTo("ACTIVE");
		assertThat(again.status()).as("activating twice changes nothing").isEqualTo(200);
		assertThat(again.etag()).isEqualTo(activated.etag());
	}

	private String status(String participant) {
		return api.get("/api/v1/participants/" + participant, admin).text("status");
	}

}
