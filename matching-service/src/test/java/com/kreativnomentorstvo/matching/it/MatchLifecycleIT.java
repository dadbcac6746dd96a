package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.participants.ParticipantWithdrawn;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.matching.match.ExpiringProposals;
import com.kreativnomentorstvo.matching.match.Places;
import com.kreativnomentorstvo.matching.match.VisibleMatches;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

import tools.jackson.databind.JsonNode;

class MatchLifecycleIT extends MatchingIntegrationTest {

	private static final String PROPOSED = "mentoring.match.proposed.v1";

	private static final String ACCEPTED = "mentoring.match.accepted.v1";

	private static final String DECLINED = "mentoring.match.declined.v1";

	private static final String EXPIRED = "mentoring.match.expired.v1";

	private static final String STARTED = "mentoring.mentorship.started.v1";

	private static final String ENDED = "mentoring.mentorship.ended.v1";

	@Autowired
	ExpiringProposals expiring;

	@Autowired
	VisibleMatches visibleMatches;

	@Autowired
	Places places;

	@Test
	void enrolledParticipantsAreMatchedPublishedAndStartAMentorshipWhenBothAccept() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("digital-tools", 5).in("RS", "Beograd");
		Profiles boris = aMentee().skill("fundraising", 4).in("HR", "Zagreb");
		Profiles vesna = aMentor().skill("digital-tools", 5).in("SI", "Ljubljana").capacity(1);
		Profiles zoran = aMentor().skill("fundraising", 5).in("MK", "Skopje").capacity(1);
		enrol(programme, ana, boris, vesna, zoran);

		Reply run = api().post(runs(programme), coordinator(programme), Map.of());

		assertThat(run.status()).isEqualTo(201);
		assertThat(run.json().get("summary").get("matched").asInt()).isEqualTo(2);
		assertThat(run.json().get("summary").get("optimal").asBoolean()).isTrue();
		assertThat(mentorOf(run.json(), ana.id())).isEqualTo(vesna.id());
		assertThat(mentorOf(run.json(), boris.id())).isEqualTo(zoran.id());
		for (JsonNode proposal : run.json().get("proposals")) {
			assertThat(proposal.get("contributions")).extracting(line -> line.get("criterion").asString())
				.containsExactly("goals", "availability", "timezone", "country", "preferences");
			BigDecimal sum = BigDecimal.ZERO;
			for (JsonNode line : proposal.get("contributions")) {
				sum = sum.add(line.get("points").decimalValue());
				assertThat(line.get("explanation").asString()).isNotBlank();
			}
			assertThat(sum).isEqualByComparingTo(proposal.get("score").decimalValue());
		}

		Reply published = api().post(runs(programme) + "/" + run.text("id") + "/publish",
				coordinator(programme), null);

		assertThat(published.status()).isEqualTo(200);
		assertThat(published.text("status")).isEqualTo("PUBLISHED");
		String matchId = matchIdOf(published.json(), ana.id());
		ConsumerRecord<String, byte[]> proposed = EventRecords.await(Topics.MATCHING, EventRecords.event(PROPOSED, matchId));
		EventAssertions.assertContractKept(proposed);
		assertThat(EventRecords.value(proposed)).contains("\"origin\":\"RUN\"").contains(vesna.id()).contains(ana.id());

		Reply menteeAccepts = api().post("/api/v1/matches/" + matchId + "/accept", mentee(ana), null);
		assertThat(menteeAccepts.status()).isEqualTo(200);
		assertThat(menteeAccepts.text("status")).isEqualTo("PROPOSED");
		Reply mentorAccepts = api().post("/api/v1/matches/" + matchId + "/accept", mentor(vesna), null);

		assertThat(mentorAccepts.status()).isEqualTo(200);
		assertThat(mentorAccepts.text("status")).isEqualTo("ACTIVE");
		String mentorshipId = mentorAccepts.text("mentorshipId");
		ConsumerRecord<String, byte[]> started = EventRecords.await(Topics.MATCHING,
				EventRecords.event(STARTED, mentorshipId));
		EventAssertions.assertContractKept(started);
		assertThat(EventRecords.value(started)).contains(matchId).contains(vesna.id()).contains(ana.id());
		// delivery is at least once: count distinct events, not records
		List<ConsumerRecord<String, byte[]>> accepted = matchingEvents(ACCEPTED, matchId);
		assertThat(accepted.stream().map(r -> EventRecords.header(r, "ce_id")).distinct()).hasSize(2);
		assertThat(accepted).allSatisfy(EventAssertions::assertContractKept);
		assertThat(places.taken(vesna.id())).isEqualTo(1);
	}

	/** Ana, whose best mentor is Vesna, proposed to her by a published run; Zoran, a weaker fit, has a place too. */
	private record Proposal(TestProgramme programme, Profiles ana, Profiles vesna, Profiles zoran, String matchId) {
	}

	private Proposal anaProposedToVesna() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee().skill("digital-tools", 5);
		Profiles vesna = aMentor().skill("digital-tools", 5).capacity(1);
		Profiles zoran = aMentor().skill("fundraising", 2).capacity(1);
		enrol(programme, ana, vesna, zoran);
		return new Proposal(programme, ana, vesna, zoran, publishOneRun(programme, ana));
	}

	@Test
	void aDeclinedPairIsNotProposedAgainUnlessACoordinatorLiftsTheDecline() {
		Proposal proposal = anaProposedToVesna();
		TestProgramme programme = proposal.programme();
		Profiles ana = proposal.ana();
		Profiles vesna = proposal.vesna();
		Profiles zoran = proposal.zoran();
		String matchId = proposal.matchId();
		assertThat(api().post("/api/v1/matches/" + matchId + "/decline", mentor(vesna), Map.of("reason", "NO_TIME"))
			.status()).isEqualTo(200);

		Reply rerun = api().post(runs(programme), coordinator(programme), Map.of());
		Reply recommended = api().get("/api/v1/participants/" + ana.id() + "/recommendations", mentee(ana));
		Reply lockedAnyway = api().post(runs(programme), coordinator(programme),
				Map.of("lockedPairs", List.of(Map.of("mentorId", vesna.id(), "menteeId", ana.id()))));
		Reply lifted = api().post(runs(programme), coordinator(programme),
				Map.of("liftedDeclines", List.of(Map.of("mentorId", vesna.id(), "menteeId", ana.id()))));

		assertThat(rerun.status()).isEqualTo(201);
		assertThat(mentorOf(rerun.json(), ana.id())).as("the best mentor for her, who declined her").isEqualTo(zoran.id());
		assertThat(rerun.json().get("declinedPairs")).singleElement().satisfies(pair -> {
			assertThat(pair.get("mentorId").asString()).isEqualTo(vesna.id());
			assertThat(pair.get("menteeId").asString()).isEqualTo(ana.id());
			assertThat(pair.get("declinedBy").asString()).isEqualTo(vesna.id());
			assertThat(pair.get("lifted").asBoolean()).isFalse();
			assertThat(pair.get("explanation").asString()).startsWith("not proposed again: the mentor declined");
		});
		assertThat(recommended.json().get("items")).extracting(item -> item.get("mentorId").asString())
			.containsExactly(zoran.id());
		assertThat(lockedAnyway.status()).isEqualTo(422);
		assertThat(lockedAnyway.body()).contains("declined-before").contains("liftedDeclines");
		assertThat(lifted.status()).isEqualTo(201);
		assertThat(mentorOf(lifted.json(), ana.id())).isEqualTo(vesna.id());
		assertThat(lifted.json().get("settings").get("liftedDeclines")).singleElement()
			.satisfies(pair -> assertThat(pair.get("mentorId").asString()).isEqualTo(vesna.id()));
		assertThat(lifted.json().get("declinedPairs").get(0).get("lifted").asBoolean()).isTrue();
		// a run based on the lifted one keeps the lift, visibly
		Reply again = api().post(runs(programme), coordinator(programme), Map.of("basedOn", lifted.text("id")));
		assertThat(again.json().get("settings").get("liftedDeclines")).hasSize(1);
		assertThat(mentorOf(again.json(), ana.id())).isEqualTo(vesna.id());
	}

	@Test
	void aDeclinedMenteeReturnsToThePoolAndTheNextRunProposesHerAgain() {
		Proposal proposal = anaProposedToVesna();
		TestProgramme programme = proposal.programme();
		Profiles ana = proposal.ana();
		Profiles vesna = proposal.vesna();
		Profiles zoran = proposal.zoran();
		String matchId = proposal.matchId();

		Reply declined = api().post("/api/v1/matches/" + matchId + "/decline", mentor(vesna),
				Map.of("reason", "NO_TIME"));

		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("status")).isEqualTo("DECLINED");
		EventAssertions.assertContractKept(EventRecords.await(Topics.MATCHING, EventRecords.event(DECLINED, matchId)));
		assertThat(places.taken(ana.id())).isZero();
		assertThat(places.taken(vesna.id())).isZero();
		Reply rerun = api().post(runs(programme), coordinator(programme),
				Map.of("excludedPairs", List.of(Map.of("mentorId", vesna.id(), "menteeId", ana.id()))));
		assertThat(rerun.status()).isEqualTo(201);
		assertThat(mentorOf(rerun.json(), ana.id())).isEqualTo(zoran.id());
		assertThat(api().post("/api/v1/matches/" + matchId + "/accept", mentee(ana), null).status()).isEqualTo(409);
	}

	@Test
	void aProposalNobodyAnswersExpiresOnItsOwnAndGivesItsPlacesBack() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles vesna = aMentor().capacity(1);
		enrol(programme, ana, vesna);

		Reply proposed = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id(), "respondBy", Instant.now().plusSeconds(2).toString()));

		assertThat(proposed.status()).isEqualTo(201);
		String matchId = proposed.text("id");
		assertThat(places.taken(vesna.id())).isEqualTo(1);
		await().atMost(PATIENCE)
			.until(() -> "EXPIRED".equals(api().get("/api/v1/matches/" + matchId, coordinator(programme)).text("status")));
		EventAssertions.assertContractKept(EventRecords.await(Topics.MATCHING, EventRecords.event(EXPIRED, matchId)));
		assertThat(places.taken(vesna.id())).isZero();
		assertThat(places.taken(ana.id())).isZero();
		assertThat(api().post("/api/v1/matches/" + matchId + "/accept", mentee(ana), null).status()).isEqualTo(409);
	}

	@Test
	void twoInstancesExpiringAtOnceExpireAProposalOnlyOnce() throws Exception {
		TestProgramme programme = aProgramme();
		List<String> matchIds = new ArrayList<>();
		for (int k = 0; k < 5; k++) {
			Profiles mentee = aMentee();
			Profiles mentor = aMentor();
			enrol(programme, mentee, mentor);
			matchIds.add(api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
					Map.of("mentorId", mentor.id(), "menteeId", mentee.id(), "respondBy",
							Instant.now().plusSeconds(3).toString()))
				.text("id"));
		}
		// this JVM's housekeeping is one instance; two more race it, as other replicas would
		assertThat(matchIds).doesNotContainNull();
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> expireUntilDone(matchIds));
		CompletableFuture<Integer> third = CompletableFuture.supplyAsync(() -> expireUntilDone(matchIds));
		second.get();
		third.get();

		await().atMost(PATIENCE).until(() -> expiredEvents(matchIds).values().stream().allMatch(count -> count >= 1));
		await().during(java.time.Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> expiredEvents(matchIds).values().stream().allMatch(count -> count == 1));
		assertThat(matchIds).allSatisfy(id -> assertThat(visibleMatches.find(
				com.kreativnomentorstvo.matching.it.Callers.admin(), id).getStatus().name()).isEqualTo("EXPIRED"));
	}

	/**
	 * How many distinct expiry events (by CloudEvents id; delivery is at least once, so a record may
	 * repeat) each match has on the topic, reading it once.
	 */
	private static Map<String, Long> expiredEvents(List<String> matchIds) {
		Map<String, java.util.Set<String>> ids = new java.util.HashMap<>();
		matchIds.forEach(id -> ids.put(id, new java.util.HashSet<>()));
		for (ConsumerRecord<String, byte[]> record : EventRecords.all(Topics.MATCHING)) {
			if (EXPIRED.equals(EventRecords.header(record, "ce_type")) && ids.containsKey(record.key())) {
				ids.get(record.key()).add(EventRecords.header(record, "ce_id"));
			}
		}
		Map<String, Long> counts = new java.util.HashMap<>();
		ids.forEach((match, events) -> counts.put(match, (long) events.size()));
		return counts;
	}

	@Test
	void aCoordinatorMatchesByHandAndEndsTheMentorshipWithAReason() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles vesna = aMentor();
		enrol(programme, ana, vesna);

		assertThat(api().post("/api/v1/programmes/" + programme.id() + "/matches",
				tokens.coordinator(programme.partner()),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id(), "startNow", true)).status())
			.as("matching by hand is the organiser's, not a partner's").isEqualTo(403);
		Reply started = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id(), "startNow", true));

		assertThat(started.status()).isEqualTo(201);
		assertThat(started.text("status")).isEqualTo("ACTIVE");
		assertThat(started.text("origin")).isEqualTo("MANUAL");
		String mentorshipId = started.text("mentorshipId");
		EventAssertions.assertContractKept(EventRecords.await(Topics.MATCHING, EventRecords.event(STARTED, mentorshipId)));

		Reply ended = api().post("/api/v1/matches/" + started.text("id") + "/end", coordinator(programme),
				Map.of("reason", "COMPLETED"));

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.text("status")).isEqualTo("ENDED");
		ConsumerRecord<String, byte[]> end = EventRecords.await(Topics.MATCHING, EventRecords.event(ENDED, mentorshipId));
		EventAssertions.assertContractKept(end);
		assertThat(EventRecords.value(end)).contains("\"reason\":\"COMPLETED\"");
		assertThat(places.taken(vesna.id())).isZero();
		assertThat(api().post("/api/v1/matches/" + started.text("id") + "/end", coordinator(programme),
				Map.of("reason", "COMPLETED")).status()).isEqualTo(409);
	}

	@Test
	void aWithdrawnParticipantsProposalIsCancelledAndHerMentorshipEnds() {
		TestProgramme programme = aProgramme();
		Profiles ana = aMentee();
		Profiles boris = aMentee();
		Profiles vesna = aMentor().capacity(2);
		enrol(programme, ana, boris, vesna);
		String running = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", ana.id(), "startNow", true)).text("mentorshipId");
		String open = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", vesna.id(), "menteeId", boris.id())).text("id");

		publish(new ParticipantWithdrawn(vesna.id(), programme.id(), "org", Role.MENTOR, "PERSONAL", Instant.now()));

		ConsumerRecord<String, byte[]> ended = EventRecords.await(Topics.MATCHING, EventRecords.event(ENDED, running));
		EventAssertions.assertContractKept(ended);
		assertThat(EventRecords.value(ended)).contains("PARTICIPANT_WITHDRAWN");
		EventAssertions.assertContractKept(EventRecords.await(Topics.MATCHING, EventRecords.event(DECLINED, open)));
		assertThat(api().get("/api/v1/matches/" + open, coordinator(programme)).text("status")).isEqualTo("CANCELLED");
		await().atMost(PATIENCE).until(() -> places.taken(boris.id()) == 0 && places.taken(ana.id()) == 0);
		Reply run = api().post(runs(programme), coordinator(programme), Map.of());
		assertThat(run.json().get("summary").get("mentors").asInt()).isZero();
		assertThat(run.json().get("unmatched")).extracting(u -> u.get("menteeId").asString())
			.contains(ana.id(), boris.id());
	}

	/** Expires in a tight loop until every proposal is closed, racing the other instances. */
	private int expireUntilDone(List<String> matchIds) {
		int expired = 0;
		Instant giveUp = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(giveUp) && matchIds.stream()
			.anyMatch(id -> visibleMatches.find(Callers.admin(), id).getStatus().name().equals("PROPOSED"))) {
			expired += expiring.expireDue();
		}
		return expired;
	}

	private String publishOneRun(TestProgramme programme, Profiles mentee) {
		Reply run = api().post(runs(programme), coordinator(programme), Map.of());
		Reply published = api().post(runs(programme) + "/" + run.text("id") + "/publish", coordinator(programme),
				null);
		return matchIdOf(published.json(), mentee.id());
	}

	static String runs(TestProgramme programme) {
		return "/api/v1/programmes/" + programme.id() + "/matching-runs";
	}

	static String mentorOf(JsonNode run, String menteeId) {
		for (JsonNode proposal : run.get("proposals")) {
			if (proposal.get("menteeId").asString().equals(menteeId)) {
				return proposal.get("mentorId").asString();
			}
		}
		return null;
	}

	static String matchIdOf(JsonNode run, String menteeId) {
		for (JsonNode outcome : run.get("publication").get("outcomes")) {
			if (outcome.get("menteeId").asString().equals(menteeId)) {
				return outcome.get("matchId").asString();
			}
		}
		throw new AssertionError("no publication for " + menteeId + " in " + run);
	}

}
