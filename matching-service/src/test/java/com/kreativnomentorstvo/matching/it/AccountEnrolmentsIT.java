package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.platform.messaging.Inbox;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * An account is not an enrolment: one token acts as whichever of the account's enrolments takes
 * part, and an enrolment belongs to an account from the event that names it.
 */
class AccountEnrolmentsIT extends MatchingIntegrationTest {

	private static final String ACCEPTED = "mentoring.match.accepted.v1";

	@Autowired
	Inbox inbox;

	@Test
	void oneTokenAnswersAsMentorInOneProgrammeAndAsMenteeInAnother() {
		TestProgramme first = aProgramme();
		TestProgramme second = aProgramme();
		String account = "account-" + UUID.randomUUID();
		Profiles milaMentoring = aMentor().account(account).capacity(1);
		Profiles milaLearning = aMentee().account(account);
		Profiles ana = aMentee();
		Profiles zoran = aMentor().capacity(1);
		enrol(first, milaMentoring, ana);
		enrol(second, milaLearning, zoran);
		String inFirst = matchByHand(first, milaMentoring, ana);
		String inSecond = matchByHand(second, zoran, milaLearning);
		String mila = tokens.token().subject(account).organisation("org-of-mila").roles("mentor", "mentee").sign();

		assertThat(matchIds(first, mila)).containsExactly(inFirst);
		assertThat(matchIds(second, mila)).containsExactly(inSecond);
		assertThat(api().get("/api/v1/matches/" + inFirst, mila).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/matches/" + inSecond, mila).status()).isEqualTo(200);

		Reply asMentor = api().post("/api/v1/matches/" + inFirst + "/accept", mila, null);
		Reply asMentee = api().post("/api/v1/matches/" + inSecond + "/accept", mila, null);

		assertThat(asMentor.status()).isEqualTo(200);
		assertThat(asMentor.text("mentorAcceptedAt")).isNotNull();
		assertThat(asMentor.text("menteeAcceptedAt")).isNull();
		assertThat(asMentee.status()).isEqualTo(200);
		assertThat(asMentee.text("menteeAcceptedAt")).isNotNull();
		assertThat(asMentee.text("mentorAcceptedAt")).isNull();
		assertThat(EventRecords.value(EventRecords.await(Topics.MATCHING, EventRecords.event(ACCEPTED, inFirst))))
			.contains("\"acceptedBy\":\"" + milaMentoring.id() + "\"");
		assertThat(EventRecords.value(EventRecords.await(Topics.MATCHING, EventRecords.event(ACCEPTED, inSecond))))
			.contains("\"acceptedBy\":\"" + milaLearning.id() + "\"");
		assertThat(api().post("/api/v1/matches/" + inFirst + "/accept", mentee(ana), null).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(api().post("/api/v1/matches/" + inSecond + "/accept", mentor(zoran), null).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(activeMatchIds(first, mila)).containsExactly(inFirst);
		assertThat(activeMatchIds(second, mila)).containsExactly(inSecond);
		assertThat(api().get("/api/v1/participants/" + milaLearning.id() + "/recommendations", mila).status())
			.isEqualTo(200);
	}

	@Test
	void anotherAccountSeesNoneOfTheMatchesOfAnAccountWithSeveralEnrolments() {
		TestProgramme first = aProgramme();
		TestProgramme second = aProgramme();
		String account = "account-" + UUID.randomUUID();
		Profiles milaMentoring = aMentor().account(account).capacity(1);
		Profiles milaLearning = aMentee().account(account);
		Profiles ana = aMentee();
		Profiles zoran = aMentor().capacity(1);
		Profiles boris = aMentee();
		enrol(first, milaMentoring, ana, boris);
		enrol(second, milaLearning, zoran);
		String inFirst = matchByHand(first, milaMentoring, ana);
		String inSecond = matchByHand(second, zoran, milaLearning);
		String outsider = tokens.token().subject("account-" + UUID.randomUUID()).organisation("org-of-mila")
			.roles("mentor", "mentee").sign();

		// boris takes part in the first programme, but in none of her matches
		assertThat(matchIds(first, mentee(boris))).isEmpty();
		assertThat(api().get("/api/v1/programmes/" + second.id() + "/matches", mentee(boris)).status()).isEqualTo(404);
		for (String token : new String[] { mentee(boris), outsider }) {
			for (String matchId : new String[] { inFirst, inSecond }) {
				assertThat(api().get("/api/v1/matches/" + matchId, token).status()).isEqualTo(404);
				assertThat(api().post("/api/v1/matches/" + matchId + "/accept", token, null).status()).isEqualTo(404);
				assertThat(api().post("/api/v1/matches/" + matchId + "/decline", token, null).status()).isEqualTo(404);
			}
			assertThat(api().get("/api/v1/participants/" + milaLearning.id() + "/recommendations", token).status())
				.isEqualTo(404);
			assertThat(api().post("/api/v1/participants/" + milaLearning.id() + "/match-requests", token,
					Map.of("mentorId", zoran.id())).status()).isEqualTo(404);
		}
		assertThat(api().get("/api/v1/programmes/" + first.id() + "/matches", outsider).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/programmes/" + second.id() + "/matches", outsider).status()).isEqualTo(404);
	}

	@Test
	void anAdmittedApplicantActsAsSoonAsTheProfileNamingHerAccountIsApplied() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().withoutAccount().status(ParticipantStatus.APPLIED);
		Profiles vesna = aMentor().capacity(1);
		enrol(programme, ana, vesna);
		String recommendations = "/api/v1/participants/" + ana.id() + "/recommendations";
		assertThat(api().get(recommendations, mentee(ana)).status()).isEqualTo(404);

		String admitted = publish(new ParticipantProfileUpdated(
				ana.account(TestTokens.accountOf(ana.id())).status(ParticipantStatus.ACCEPTED).published(), 2,
				Instant.now()));
		await().atMost(PATIENCE).until(() -> inbox.hasApplied("matching-service", admitted));

		Reply recommended = api().get(recommendations, mentee(ana));
		assertThat(recommended.status()).isEqualTo(200);
		assertThat(recommended.json().get("canRequest").asBoolean()).isTrue();
		assertThat(api().post("/api/v1/participants/" + ana.id() + "/match-requests", mentee(ana),
				Map.of("mentorId", vesna.id())).status()).isEqualTo(201);
		assertThat(matchIds(programme, mentee(ana))).hasSize(1);
	}

	private String matchByHand(TestProgramme programme, Profiles mentor, Profiles mentee) {
		Reply proposed = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", mentor.id(), "menteeId", mentee.id()));
		assertThat(proposed.status()).isEqualTo(201);
		return proposed.text("id");
	}

	private List<String> matchIds(TestProgramme programme, String token) {
		return ids(api().get("/api/v1/programmes/" + programme.id() + "/matches", token));
	}

	private List<String> activeMatchIds(TestProgramme programme, String token) {
		return ids(api().get("/api/v1/programmes/" + programme.id() + "/matches?status=ACTIVE", token));
	}

	private static List<String> ids(Reply list) {
		assertThat(list.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
