package com.kreativnomentorstvo.participants.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.platform.messaging.Inbox;
import com.kreativnomentorstvo.platform.outbox.OutboxEntries;
import com.kreativnomentorstvo.platform.outbox.OutboxRecords;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * The two of a pair see each other: matching-service's events tell participant-service who was
 * proposed to whom, and each side reads the other's profile card while proposed, and the card with
 * her address once their mentorship started. Nobody else does: another mentor of the programme, a
 * pair one side declined, a participant of another programme.
 */
class CounterpartCardsIT extends ServiceIT {

	private static final OutboxEntries MATCHING_SERVICE = new OutboxEntries("/test/matching-service",
			Clock.systemUTC(), () -> null);

	private static final String CONSUMER = "participant-service";

	@Autowired
	Inbox inbox;

	String organiser;

	String partner;

	String programme;

	String mentor;

	String mentee;

	@BeforeEach
	void aProgrammeWithAMentorAndAMenteeOfTwoCountries() {
		organiser = newOrganisation("RS");
		partner = newOrganisation("SI");
		programme = newProgramme(Fixtures.aProgramme(organiser, partner));
		mentor = enrol(Fixtures.aMentor(programme, organiser));
		mentee = enrol(Fixtures.aMentee(programme, partner).with("country", "SI"));
	}

	@Test
	void aProposedPairSeeEachOthersCardsAndOnceStartedEachOthersAddresses() {
		String mentorToken = TOKENS.participant(mentor, organiser, "mentor");
		String menteeToken = TOKENS.participant(mentee, partner, "mentee");
		assertThat(card(mentee, mentorToken).status()).as("no pair yet: a mentor does not see a mentee").isEqualTo(404);

		String matchId = "match-" + Fixtures.unique();
		publish(proposal(matchId, mentor, mentee));
		Reply menteeSeen = await().atMost(Duration.ofSeconds(30))
			.until(() -> card(mentee, mentorToken), reply -> reply.status() == 200);
		assertThat(menteeSeen.text("displayName")).startsWith("Person ");
		assertThat(menteeSeen.text("country")).isEqualTo("SI");
		assertThat(menteeSeen.json().path("goals").size()).isEqualTo(2);
		assertThat(menteeSeen.json().has("email")).as("a proposal shows no address").isFalse();
		assertThat(menteeSeen.json().has("consent")).isFalse();
		Reply mentorSeen = card(mentor, menteeToken);
		assertThat(mentorSeen.status()).isEqualTo(200);
		assertThat(mentorSeen.json().path("skills").size()).isEqualTo(2);
		assertThat(mentorSeen.json().has("email")).isFalse();
		assertThat(api.patch("/api/v1/participants/" + mentee, mentorToken, Map.of("city", "Elsewhere"))
			.status()).as("seeing her card is not changing her profile").isEqualTo(403);

		publish(new MentorshipStarted("mship-" + Fixtures.unique(), matchId, programme, organiser, mentor, mentee,
				Instant.now()));
		Reply partnerSeen = await().atMost(Duration.ofSeconds(30))
			.until(() -> card(mentee, mentorToken), reply -> reply.json().has("email"));
		assertThat(partnerSeen.text("email")).startsWith("person-").endsWith("@example.org");
		assertThat(partnerSeen.text("timeZone")).isEqualTo("Europe/Belgrade");
		assertThat(partnerSeen.json().has("consent")).as("her consent record stays hers").isFalse();
		assertThat(card(mentor, menteeToken).json().has("email")).isTrue();
	}

	@Test
	void nobodyOutsideThePairSeesTheirCardsAndADeclinedPairNoLonger() {
		String otherMentor = enrol(Fixtures.aMentor(programme, organiser));
		String otherMentorToken = TOKENS.participant(otherMentor, organiser, "mentor");
		String matchId = "match-" + Fixtures.unique();
		publish(proposal(matchId, mentor, mentee));
		String mentorToken = TOKENS.participant(mentor, organiser, "mentor");
		await().atMost(Duration.ofSeconds(30)).until(() -> card(mentee, mentorToken).status() == 200);
		assertThat(card(mentee, otherMentorToken).status()).as("another mentor of the programme").isEqualTo(404);

		String elsewhere = newProgramme(Fixtures.aProgramme(organiser));
		String stranger = enrol(Fixtures.aMentee(elsewhere, organiser));
		assertThat(card(mentor, TOKENS.participant(stranger, organiser, "mentee")).status())
			.as("a mentee of another programme").isEqualTo(404);

		publish(new MatchDeclined(matchId, programme, organiser, mentor, mentee, mentee, "NOT_A_FIT",
				Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> card(mentee, mentorToken).status() == 404);
	}

	@Test
	void aMentorshipAnnouncedBeforeItsProposalStaysStarted() {
		String matchId = "match-" + Fixtures.unique();
		String mentorToken = TOKENS.participant(mentor, organiser, "mentor");
		publish(new MentorshipStarted("mship-" + Fixtures.unique(), matchId, programme, organiser, mentor, mentee,
				Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> card(mentee, mentorToken).json().has("email"));
		// the late proposal, applied after the start (and once more, as a relay may), leaves them partners
		MatchProposed late = proposal(matchId, mentor, mentee);
		String lateId = publish(late);
		String againId = publish(late);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox.hasApplied(CONSUMER, lateId) && inbox.hasApplied(CONSUMER, againId));
		assertThat(card(mentee, mentorToken).json().has("email")).isTrue();
	}

	@Test
	void anAdmittedMenteeSeesTheCardsOfHerProgrammesAdmittedMentors() {
		String coordinator = TOKENS.coordinator(organiser);
		String partnerCoordinator = TOKENS.coordinator(partner);
		String menteeToken = TOKENS.participant(mentee, partner, "mentee");
		String statusBefore = api.get("/api/v1/participants/" + mentor, admin).text("status");
		if (!"ACCEPTED".equals(statusBefore) && !"ACTIVE".equals(statusBefore)) {
			assertThat(card(mentor, menteeToken).status()).as("a mentor not yet admitted").isEqualTo(404);
			assertThat(api.post("/api/v1/participants/" + mentor + "/accept", coordinator, "{}").status())
				.isEqualTo(200);
		}
		String menteeStatus = api.get("/api/v1/participants/" + mentee, admin).text("status");
		if (!"ACCEPTED".equals(menteeStatus) && !"ACTIVE".equals(menteeStatus)) {
			assertThat(card(mentor, menteeToken).status()).as("a mentee not yet admitted").isEqualTo(404);
			assertThat(api.post("/api/v1/participants/" + mentee + "/accept", partnerCoordinator, "{}").status())
				.isEqualTo(200);
		}
		Reply seen = card(mentor, menteeToken);
		assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
		assertThat(seen.json().has("email")).isFalse();
		String otherMentee = enrol(Fixtures.aMentee(programme, partner));
		assertThat(card(otherMentee, TOKENS.participant(mentee, partner, "mentee")).status())
			.as("mentees do not see each other").isEqualTo(404);
	}

	private Reply card(String participantId, String token) {
		return api.get("/api/v1/participants/" + participantId, token);
	}

	private MatchProposed proposal(String matchId, String mentorId, String menteeId) {
		return new MatchProposed(matchId, programme, organiser, null, "MANUAL", mentorId, menteeId, 0.8, List.of(),
				Instant.now().plus(Duration.ofDays(7)), Instant.now());
	}

	private static String publish(MentoringEvent event) {
		var entry = MATCHING_SERVICE.entryFor(event);
		EventRecords.send(OutboxRecords.toRecord(entry));
		return entry.eventId();
	}

}
