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
import java.util.stream.Stream;

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
		MatchedTwice matched = anAccountMatchedInTwoProgrammes();
		String mila = tokens.token().subject(matched.account()).organisation("org-of-mila").roles("mentor", "mentee")
			.sign();
		String inFirst = matched.inFirst();
		String inSecond = matched.inSecond();

		assertThat(matchIds(matched.first(), mila)).containsExactly(inFirst);
		assertThat(matchIds(matched.second(), mila)).containsExactly(inSecond);
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
			.contains("\"acceptedBy\":\"" + matched.milaMentoring().id() + "\"");
		assertThat(EventRecords.value(EventRecords.await(Topics.MATCHING, EventRecords.event(ACCEPTED, inSecond))))
			.contains("\"acceptedBy\":\"" + matched.milaLearning().id() + "\"");
		assertThat(api().post("/api/v1/matches/" + inFirst + "/accept", mentee(matched.ana()), null).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(api().post("/api/v1/matches/" + inSecond + "/accept", mentor(matched.zoran()), null).text("status"))
			.isEqualTo("ACTIVE");
		assertThat(activeMatchIds(matched.first(), mila)).containsExactly(inFirst);
		assertThat(activeMatchIds(matched.second(), mila)).containsExactly(inSecond);
		assertThat(api().get("/api/v1/participants/" + matched.milaLearning().id() + "/recommendations", mila).status())
			.isEqualTo(200);
	}

	@Test
	void anotherAccountSeesNoneOfTheMatchesOfAnAccountWithSeveralEnrolments() {
		Profiles boris = aMentee();
		MatchedTwice matched = anAccountMatchedInTwoProgrammes(boris);
		TestProgramme first = matched.first();
		TestProgramme second = matched.second();
		Profiles milaLearning = matched.milaLearning();
		String inFirst = matched.inFirst();
		String inSecond = matched.inSecond();
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
					Map.of("mentorId", matched.zoran().id())).status()).isEqualTo(404);
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

	/**
	 * One account enrolled twice: as a mentor matched by hand with Ana in a first programme (where the others
	 * take part too), and as a mentee matched with Zoran in a second.
	 */
	private MatchedTwice anAccountMatchedInTwoProgrammes(Profiles... othersInFirst) {
		TestProgramme first = aProgramme();
		TestProgramme second = aProgramme();
		String account = "account-" + UUID.randomUUID();
		Profiles milaMentoring = aMentor().account(account).capacity(1);
		Profiles milaLearning = aMentee().account(account);
		Profiles ana = aMentee();
		Profiles zoran = aMentor().capacity(1);
		enrol(first, Stream.concat(Stream.of(milaMentoring, ana), Stream.of(othersInFirst)).toArray(Profiles[]::new));
		enrol(second, milaLearning, zoran);
		return new MatchedTwice(account, first, second, milaMentoring, milaLearning, ana, zoran,
				matchByHand(first, milaMentoring, ana), matchByHand(second, zoran, milaLearning));
	}

	private record MatchedTwice(String account, TestProgramme first, TestProgramme second, Profiles milaMentoring,
			Profiles milaLearning, Profiles ana, Profiles zoran, String inFirst, String inSecond) {
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
