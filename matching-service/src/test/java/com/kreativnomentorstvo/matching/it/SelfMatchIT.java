package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

class SelfMatchIT extends MatchingIntegrationTest {

	@Test
	void recommendationsRankMentorsWithReasonsAndNeverShowAFullOrUnsuitableMentor() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("digital-tools", 5);
		Profiles best = aMentor().skill("digital-tools", 5).capacity(2);
		Profiles good = aMentor().skill("digital-tools", 2).capacity(1);
		Profiles full = aMentor().skill("digital-tools", 5).capacity(1);
		Profiles foreign = aMentor().skill("digital-tools", 5).speaking("mk");
		Profiles other = aMentee();
		enrol(programme, ana, other, best, good, full, foreign);
		assertThat(api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", full.id(), "menteeId", other.id(), "startNow", true)).status()).isEqualTo(201);

		Reply recommended = api().get("/api/v1/participants/" + ana.id() + "/recommendations", mentee(ana));

		assertThat(recommended.status()).isEqualTo(200);
		assertThat(recommended.json().get("items")).extracting(item -> item.get("mentorId").asString())
			.containsExactly(best.id(), good.id());
		assertThat(recommended.json().get("total").asInt()).isEqualTo(2);
		assertThat(recommended.json().get("canRequest").asBoolean()).isTrue();
		JsonNode first = recommended.json().get("items").get(0);
		assertThat(first.get("freePlaces").asInt()).isEqualTo(2);
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode line : first.get("contributions")) {
			sum = sum.add(line.get("points").decimalValue());
		}
		assertThat(sum).isEqualByComparingTo(first.get("score").decimalValue());
		assertThat(api().get("/api/v1/participants/" + ana.id() + "/recommendations", coordinator(programme)).status())
			.isEqualTo(200);
	}

	@Test
	void aMenteeAsksForAMentorWhoAcceptsAndTheMentorshipStarts() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("fundraising", 3);
		Profiles vesna = aMentor().skill("fundraising", 4);
		enrol(programme, ana, vesna);

		Reply request = api().post("/api/v1/participants/" + ana.id() + "/match-requests", mentee(ana),
				Map.of("mentorId", vesna.id()));

		assertThat(request.status()).isEqualTo(201);
		assertThat(request.text("origin")).isEqualTo("SELF_MATCH");
		assertThat(request.text("menteeAcceptedAt")).isNotNull();
		String matchId = request.text("id");
		EventAssertions.assertContractKept(
				EventRecords.await(Topics.MATCHING, EventRecords.event("mentoring.match.proposed.v1", matchId)));
		assertThat(api().post("/api/v1/participants/" + ana.id() + "/match-requests", mentee(ana),
				Map.of("mentorId", vesna.id())).status()).isEqualTo(409);
		assertThat(api().get("/api/v1/participants/" + ana.id() + "/recommendations", mentee(ana))
			.json().get("canRequest").asBoolean()).isFalse();

		Reply accepted = api().post("/api/v1/matches/" + matchId + "/accept", mentor(vesna), null);

		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("ACTIVE");
		EventAssertions.assertContractKept(EventRecords.await(Topics.MATCHING,
				EventRecords.event("mentoring.mentorship.started.v1", accepted.text("mentorshipId"))));
	}

	@Test
	void onlyTheMenteeHerselfCanAskForAMentor() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles boris = aMentee();
		Profiles vesna = aMentor();
		enrol(programme, ana, boris, vesna);

		assertThat(api().post("/api/v1/participants/" + ana.id() + "/match-requests", mentee(boris),
				Map.of("mentorId", vesna.id())).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/participants/" + ana.id() + "/match-requests", coordinator(programme),
				Map.of("mentorId", vesna.id())).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/participants/" + ana.id() + "/match-requests", mentee(ana),
				Map.of("mentorId", boris.id())).status()).isEqualTo(422);
	}

}
