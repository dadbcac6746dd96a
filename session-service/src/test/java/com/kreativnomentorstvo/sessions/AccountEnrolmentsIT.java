package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.participants.ParticipantProfileUpdated;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.messaging.Inbox;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * An account is not an enrolment: one token acts as whichever of the account's enrolments is in
 * the pair, and an enrolment belongs to an account from the event that names it.
 */
class AccountEnrolmentsIT extends IntegrationTest {

	@Autowired
	Inbox inbox;

	@Test
	void oneTokenWorksAsMentorInOneProgrammeAndAsMenteeInAnother() {
		Account mila = anAccountInTwoProgrammes();
		String token = mila.token();

		Reply mine = api().get("/api/v1/mentorships", token);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("items").findValuesAsString("id")).containsExactlyInAnyOrder(
				mila.mentoring().mentorshipId(), mila.learning().mentorshipId());
		assertThat(api().get("/api/v1/mentorships?programmeId=" + mila.mentoring().programme().id, token).json()
			.get("items").findValuesAsString("id")).containsExactly(mila.mentoring().mentorshipId());

		String asMentor = bookAs(mila.mentoring(), token, 12);
		String asMentee = bookAs(mila.learning(), token, 13);

		for (TestProgramme.Pair pair : List.of(mila.mentoring(), mila.learning())) {
			Reply goal = api().post("/api/v1/mentorships/" + pair.mentorshipId() + "/goals", token,
					Map.of("title", "A grant application"));
			assertThat(goal.status()).as(goal.body()).isEqualTo(201);
			String hers = pair == mila.mentoring() ? pair.mentorId() : pair.menteeId();
			assertThat(goal.json().get("createdBy").asString()).isEqualTo(hers);
		}
		Reply mentorsView = api().get("/api/v1/sessions/" + asMentor, token);
		assertThat(mentorsView.status()).isEqualTo(200);
		assertThat(mentorsView.json().get("meetingUrl").isNull()).isFalse();
		Reply mentorsCalendar = api().get("/api/v1/sessions/" + asMentor + "/calendar.ics", token);
		assertThat(mentorsCalendar.status()).isEqualTo(200);
		assertThat(mentorsCalendar.body()).contains("Join: "); // written for a member of the pair
		Reply menteesCalendar = api().get("/api/v1/sessions/" + asMentee + "/calendar.ics", token);
		assertThat(menteesCalendar.status()).isEqualTo(200);
		assertThat(menteesCalendar.body()).contains("Join: ");
		Reply mentoringFeed = api().get(
				"/api/v1/participants/" + mila.mentoring().mentorId() + "/calendar.ics", token);
		assertThat(mentoringFeed.status()).as(mentoringFeed.body()).isEqualTo(200);
		assertThat(mentoringFeed.body()).contains(asMentor + "@").doesNotContain(asMentee + "@");
		Reply learningFeed = api().get("/api/v1/participants/" + mila.learning().menteeId() + "/calendar.ics",
				token);
		assertThat(learningFeed.status()).as(learningFeed.body()).isEqualTo(200);
		assertThat(learningFeed.body()).contains(asMentee + "@").doesNotContain(asMentor + "@");
	}

	@Test
	void anotherAccountSeesNoneOfItEvenWithAnEnrolmentInTheSameProgramme() {
		Account mila = anAccountInTwoProgrammes();
		String asMentor = bookAs(mila.mentoring(), mila.token(), 14);
		String asMentee = bookAs(mila.learning(), mila.token(), 15);
		TestProgramme.Pair neighbours = startedPair(mila.mentoring().programme(), 3);
		String stranger = tokens().token().subject("account-" + UUID.randomUUID())
			.organisation(mila.mentoring().programme().organiser).roles("mentor", "mentee").sign();

		for (String token : List.of(stranger, neighbours.menteeToken())) {
			Reply theirs = api().get("/api/v1/mentorships", token);
			assertThat(theirs.status()).isEqualTo(200);
			assertThat(theirs.json().get("items").findValuesAsString("id"))
				.doesNotContain(mila.mentoring().mentorshipId(), mila.learning().mentorshipId());
			for (TestProgramme.Pair pair : List.of(mila.mentoring(), mila.learning())) {
				String mentorship = "/api/v1/mentorships/" + pair.mentorshipId();
				assertThat(api().get(mentorship, token).status()).isEqualTo(404);
				assertThat(api().get(mentorship + "/sessions", token).status()).isEqualTo(404);
				assertThat(api().post(mentorship + "/goals", token, Map.of("title", "Mine now")).status())
					.isEqualTo(404);
				assertThat(book(pair, token, inDays(16, 10, 0), "Europe/Belgrade", 60).status()).isEqualTo(404);
			}
			for (String session : List.of(asMentor, asMentee)) {
				assertThat(api().get("/api/v1/sessions/" + session, token).status()).isEqualTo(404);
				assertThat(api().get("/api/v1/sessions/" + session + "/calendar.ics", token).status()).isEqualTo(404);
			}
			for (String participant : List.of(mila.mentoring().mentorId(), mila.learning().menteeId())) {
				assertThat(api().get("/api/v1/participants/" + participant + "/calendar.ics", token).status())
					.isEqualTo(404);
			}
		}
	}

	@Test
	void anAdmittedApplicantActsAsSoonAsTheProfileNamingHerAccountIsApplied() {
		TestProgramme programme = TestProgramme.announced();
		String mentor = programme.enrol(Role.MENTOR, "Europe/Ljubljana", "Ana Petrović");
		String applicant = programme.enrolFor(null, Role.MENTEE, "Europe/Skopje", "Marko Ilić");
		TestProgramme.Pair pair = programme.start(mentor, applicant, Instant.now().minus(Duration.ofDays(1)));
		awaitMentorship(pair.mentorshipId(), json -> true);
		awaitEnrolled(mentor);
		String mentorship = "/api/v1/mentorships/" + pair.mentorshipId();
		assertThat(api().get(mentorship, pair.menteeToken()).status()).isEqualTo(404);

		String admitted = Upstream.publish(new ParticipantProfileUpdated(programme.profile(applicant, Role.MENTEE,
				"Europe/Skopje", ParticipantStatus.ACCEPTED, TestTokens.accountOf(applicant)), 1, Instant.now()));
		await().atMost(PATIENCE).until(() -> inbox.hasApplied("session-service", admitted));

		assertThat(api().get(mentorship, pair.menteeToken()).status()).isEqualTo(200);
		assertThat(book(pair, pair.menteeToken(), inDays(8, 17, 0), "Europe/Skopje", 60).status()).isEqualTo(201);
		assertThat(api().get("/api/v1/mentorships", pair.menteeToken()).json().get("items").findValuesAsString("id"))
			.containsExactly(pair.mentorshipId());
	}

	/** Books a session in the pair's mentorship with the token; returns its id. */
	private String bookAs(TestProgramme.Pair pair, String token, int days) {
		Reply booked = book(pair, token, inDays(days, 18, 0), "Europe/Belgrade", 60);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json().get("id").asString();
	}

	/**
	 * Mila's account: mentor of Ana in one programme, mentee of Zoran in another, each pair started
	 * and known to the service.
	 */
	private Account anAccountInTwoProgrammes() {
		String account = "account-" + UUID.randomUUID();
		TestProgramme first = TestProgramme.announced();
		TestProgramme second = TestProgramme.announced();
		String milaMentoring = first.enrolFor(account, Role.MENTOR, "Europe/Ljubljana", "Mila Novak");
		String ana = first.enrol(Role.MENTEE, "Europe/Skopje", "Ana Petrović");
		String zoran = second.enrol(Role.MENTOR, "Europe/Zagreb", "Zoran Kostić");
		String milaLearning = second.enrolFor(account, Role.MENTEE, "Europe/Ljubljana", "Mila Novak");
		TestProgramme.Pair mentoring = first.start(milaMentoring, ana, Instant.now().minus(Duration.ofDays(3)));
		TestProgramme.Pair learning = second.start(zoran, milaLearning, Instant.now().minus(Duration.ofDays(3)));
		awaitMentorship(mentoring.mentorshipId(), json -> true);
		awaitMentorship(learning.mentorshipId(), json -> true);
		awaitEnrolled(ana, zoran);
		await().atMost(PATIENCE).until(() -> enrolments.of(account).containsAll(List.of(milaMentoring, milaLearning)));
		return new Account(account, mentoring, learning);
	}

	/** An account with two enrolments: mentor in one pair, mentee in the other. */
	private record Account(String id, TestProgramme.Pair mentoring, TestProgramme.Pair learning) {

		String token() {
			return TestTokens.shared().token().subject(id).organisation("org-of-" + id).roles("mentor", "mentee")
				.sign();
		}

	}

}
