package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.matching.match.EndingExtendedMentorships;
import com.kreativnomentorstvo.matching.match.Matches;
import com.kreativnomentorstvo.testkit.EventAssertions;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/**
 * A programme's status as participant-service announces it: no new matching once it is CLOSING,
 * nothing changes once it is ARCHIVED, and when it is CLOSED its running mentorships end (COMPLETED)
 * except those a coordinator extended, which end on their own day; a redelivered close ends nothing twice.
 */
class ProgrammeClosingIT extends MatchingIntegrationTest {

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final String ENDED = "mentoring.mentorship.ended.v1";

	private static final MatchingPolicy POLICY = new MatchingPolicy(Map.of("goals", 50, "availability", 10,
			"timezone", 10, "country", 10, "preferences", 20), true, "PREFER", 2, 7, false);

	@Autowired
	EndingExtendedMentorships endingExtended;

	@Autowired
	Matches matches;

	@Test
	void aClosedProgrammeEndsEveryRunningMentorshipButTheExtendedOneWhichEndsOnItsDay() {
		Running programme = aRunningProgramme();
		// the extended pair's mentee belongs to the partner, whose coordinators see the match but do not run the programme
		List<String> pairs = List.of(aMentorship(programme), aMentorship(programme),
				aMentorship(programme, programme.partner()));
		String extended = pairs.get(2);
		LocalDate until = programme.endsOn().plusDays(30);
		String path = "/api/v1/matches/" + extended + "/extension";

		Reply byPartner = api().post(path, tokens.coordinator(programme.partner()), Map.of("until", until.toString()));
		Reply byStranger = api().post(path, tokens.coordinator("org-" + UUID.randomUUID()), Map.of("until", until.toString()));
		Reply beforeTheEnd = api().post(path, coordinator(programme), Map.of("until", programme.endsOn().toString()));
		Reply missing = api().post(path, coordinator(programme), Map.of());
		Reply extension = api().post(path, coordinator(programme), Map.of("until", until.toString()));

		assertThat(byPartner.status()).as(byPartner.toString()).isEqualTo(403);
		assertThat(byStranger.status()).as(byStranger.toString()).isEqualTo(404);
		assertThat(beforeTheEnd.status()).isEqualTo(422);
		assertThat(beforeTheEnd.problemFields()).containsExactly("until");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.problemFields()).containsExactly("until");
		assertThat(extension.status()).as(extension.toString()).isEqualTo(200);
		assertThat(extension.text("extendedUntil")).isEqualTo(until.toString());
		assertThat(extension.text("status")).isEqualTo("ACTIVE");

		ProducerRecord<String, byte[]> closed = recordOf(programme.moved(ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED));
		publish(programme.updated(ProgrammeStatus.CLOSED, 1));
		EventRecords.send(closed);

		for (String ended : pairs.subList(0, 2)) {
			await().atMost(PATIENCE).until(() -> status(ended).equals("ENDED"));
			Reply match = api().get("/api/v1/matches/" + ended, coordinator(programme));
			assertThat(match.text("endReason")).isEqualTo("COMPLETED");
			MentorshipEnded event = EventAssertions.assertContractKept(
					EventRecords.await(Topics.MATCHING, EventRecords.event(ENDED, match.text("mentorshipId"))),
					MentorshipEnded.class);
			assertThat(event.reason()).isEqualTo("COMPLETED");
		}
		assertThat(status(extended)).as("extended past the close").isEqualTo("ACTIVE");

		// the same close delivered again, and announced a second time under another id, ends nothing twice
		List<Long> versions = pairs.stream().map(id -> matches.findById(id).orElseThrow().getVersion()).toList();
		EventRecords.send(closed);
		publish(programme.moved(ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED));
		publish(programme.updated(ProgrammeStatus.CLOSED, 2));
		await().atMost(PATIENCE).until(() -> programmes.find(programme.id()).orElseThrow().version() == 2);
		assertThat(pairs.stream().map(id -> matches.findById(id).orElseThrow().getVersion()).toList())
			.isEqualTo(versions);
		for (String ended : pairs.subList(0, 2)) {
			String mentorship = matches.findById(ended).orElseThrow().getMentorshipId();
			assertThat(matchingEvents(ENDED, mentorship)).hasSize(1);
		}
		assertThat(status(extended)).isEqualTo("ACTIVE");

		// the extended one ends on its day, in the programme's time zone
		assertThat(endingExtended.endDue(morningOf(until.minusDays(1)))).isZero();
		assertThat(status(extended)).isEqualTo("ACTIVE");
		Instant onItsDay = morningOf(until);
		endingExtended.endDue(onItsDay);
		assertThat(status(extended)).isEqualTo("ENDED");
		String mentorship = matches.findById(extended).orElseThrow().getMentorshipId();
		ConsumerRecord<String, byte[]> record = EventRecords.await(Topics.MATCHING,
				EventRecords.event(ENDED, mentorship));
		MentorshipEnded event = EventAssertions.assertContractKept(record, MentorshipEnded.class);
		assertThat(event.reason()).isEqualTo("COMPLETED");
		assertThat(event.endedAt()).isEqualTo(onItsDay);
		assertThat(endingExtended.endDue(onItsDay.plusSeconds(3600))).as("once").isZero();
	}

	@Test
	void aClosingProgrammeTakesNoNewRunsMatchesOrPublicationsAndAnArchivedOneNoChanges() {
		Running programme = aRunningProgramme();
		Profiles mentee = aMentee().skill("digital-tools", 5).in("RS", "Beograd");
		Profiles mentor = aMentor().skill("digital-tools", 5).in("SI", "Ljubljana").capacity(2);
		enrol(programme.asTest(), mentee, mentor);
		String runs = "/api/v1/programmes/" + programme.id() + "/matching-runs";
		Reply draft = api().post(runs, coordinator(programme), Map.of());
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String running = aMentorship(programme);
		Reply proposal = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", mentor.id(), "menteeId", mentee.id()));
		assertThat(proposal.status()).as(proposal.toString()).isEqualTo(201);

		publish(programme.updated(ProgrammeStatus.CLOSING, 1));
		publish(programme.moved(ProgrammeStatus.RUNNING, ProgrammeStatus.CLOSING));
		await().atMost(PATIENCE).until(() -> api().post(runs, coordinator(programme), Map.of()).status() == 409);

		Reply run = api().post(runs, coordinator(programme), Map.of());
		Reply publication = api().post(runs + "/" + draft.text("id") + "/publish", coordinator(programme), Map.of());
		Reply manual = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", mentor.id(), "menteeId", aMentee().id()));
		for (Reply refused : List.of(run, publication, manual)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.problemFields()).containsExactly("status");
			assertThat(refused.text("detail")).contains("CLOSING");
		}
		Reply extension = api().post("/api/v1/matches/" + running + "/extension", coordinator(programme),
				Map.of("until", programme.endsOn().plusDays(10).toString()));
		assertThat(extension.status()).as("a closing programme's mentorships can still be extended").isEqualTo(200);

		Reply acceptedWhileClosing = api().post("/api/v1/matches/" + proposal.text("id") + "/accept", mentee(mentee), null);
		assertThat(acceptedWhileClosing.status()).as(acceptedWhileClosing.toString()).isEqualTo(200);

		publish(programme.updated(ProgrammeStatus.CLOSED, 2));
		publish(programme.moved(ProgrammeStatus.CLOSING, ProgrammeStatus.CLOSED));
		await().atMost(PATIENCE)
			.until(() -> api().post("/api/v1/matches/" + proposal.text("id") + "/accept", mentor(mentor), null)
				.status() == 409);
		Reply acceptedAfterTheClose = api().post("/api/v1/matches/" + proposal.text("id") + "/accept", mentor(mentor),
				null);
		assertThat(acceptedAfterTheClose.problemFields()).as("no mentorship starts once it is CLOSED")
			.containsExactly("status");
		assertThat(status(proposal.text("id"))).isEqualTo("PROPOSED");

		publish(programme.updated(ProgrammeStatus.ARCHIVED, 3));
		publish(programme.moved(ProgrammeStatus.CLOSED, ProgrammeStatus.ARCHIVED));
		await().atMost(PATIENCE)
			.until(() -> api().post("/api/v1/matches/" + running + "/end", coordinator(programme),
					Map.of("reason", "ENDED_BY_COORDINATOR")).status() == 409);

		Reply end = api().post("/api/v1/matches/" + running + "/end", coordinator(programme),
				Map.of("reason", "ENDED_BY_COORDINATOR"));
		Reply extendAgain = api().post("/api/v1/matches/" + running + "/extension", coordinator(programme),
				Map.of("until", programme.endsOn().plusDays(20).toString()));
		for (Reply refused : List.of(end, extendAgain)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.problemFields()).containsExactly("status");
		}
		assertThat(status(running)).isEqualTo("ACTIVE");
		assertThat(matches.findById(running).orElseThrow().getExtendedUntil()).isEqualTo(programme.endsOn().plusDays(10));
	}

	/** A running mentorship of a new pair, matched by hand and started at once. */
	private String aMentorship(Running programme) {
		return aMentorship(programme, "org-" + UUID.randomUUID());
	}

	private String aMentorship(Running programme, String menteesOrganisation) {
		Profiles mentee = aMentee().skill("digital-tools", 5).in("RS", "Beograd").of(menteesOrganisation);
		Profiles mentor = aMentor().skill("digital-tools", 5).in("HR", "Zagreb").capacity(1);
		enrol(programme.asTest(), mentee, mentor);
		Reply started = api().post("/api/v1/programmes/" + programme.id() + "/matches", coordinator(programme),
				Map.of("mentorId", mentor.id(), "menteeId", mentee.id(), "startNow", true));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.text("status")).isEqualTo("ACTIVE");
		return started.text("id");
	}

	private String status(String matchId) {
		return matches.findById(matchId).orElseThrow().getStatus().name();
	}

	private String coordinator(Running programme) {
		return tokens.coordinator(programme.organiser());
	}

	private static Instant morningOf(LocalDate day) {
		return day.atTime(8, 0).atZone(BELGRADE).toInstant();
	}

	/** A programme that started a month ago and ends in ten days, known to the service once this returns. */
	private Running aRunningProgramme() {
		LocalDate today = LocalDate.now(BELGRADE);
		Running programme = new Running("programme-" + UUID.randomUUID(), "org-" + UUID.randomUUID(),
				"org-" + UUID.randomUUID(), today.minusDays(30), today.plusDays(10));
		publish(new ProgrammeCreated(programme.details(ProgrammeStatus.RUNNING), Instant.now()));
		await().atMost(PATIENCE).until(() -> programmes.find(programme.id()).isPresent());
		return programme;
	}

	record Running(String id, String organiser, String partner, LocalDate startsOn, LocalDate endsOn) {

		ProgrammeDetails details(ProgrammeStatus status) {
			return new ProgrammeDetails(id, organiser, List.of(partner), "Reg. Lab", startsOn, endsOn, "Europe/Belgrade",
					List.of("en", "sr-Latn"), List.of(), startsOn.minusDays(30), startsOn.minusDays(5),
					List.of("digital-tools", "fundraising"), POLICY, null, status);
		}

		ProgrammeUpdated updated(ProgrammeStatus status, long version) {
			return new ProgrammeUpdated(details(status), version, Instant.now());
		}

		ProgrammeStatusChanged moved(ProgrammeStatus from, ProgrammeStatus to) {
			return new ProgrammeStatusChanged(id, organiser, from, to, "DATES", Instant.now());
		}

		TestProgramme asTest() {
			return new TestProgramme(id, organiser, partner);
		}

	}

}
