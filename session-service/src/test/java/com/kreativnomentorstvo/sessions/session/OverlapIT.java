package com.kreativnomentorstvo.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.testkit.http.Reply;

/** A participant is never booked twice at once, however the requests interleave. */
class OverlapIT extends IntegrationTest {

	private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(6);

	@AfterAll
	static void stopClients() {
		CLIENTS.shutdownNow();
	}

	@Test
	void twoOverlappingSessionsBookedAtOnceForOnePairExactlyOneSucceeds() throws Exception {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 5);
		for (int round = 0; round < 8; round++) {
			LocalDateTime start = inDays(10 + round, 18, 0);
			List<Reply> responses = atOnce(
					() -> book(pair, pair.mentorToken(), start, "Europe/Belgrade", 60),
					() -> book(pair, pair.menteeToken(), start.plusMinutes(30), "Europe/Belgrade", 60));

			assertExactlyOneBookedAndTheOtherNamesIt(responses);
		}
	}

	@Test
	void aMentorWithTwoMenteesCannotBeBookedByBothForTheSameHour() throws Exception {
		TestProgramme programme = TestProgramme.announced();
		String mentor = programme.enrol(Role.MENTOR, "Europe/Belgrade", null);
		TestProgramme.Pair first = programme.start(mentor, programme.enrol(Role.MENTEE, "Europe/Zagreb", null),
				Instant.now());
		TestProgramme.Pair second = programme.start(mentor, programme.enrol(Role.MENTEE, "Europe/Skopje", null),
				Instant.now());
		awaitMentorship(first.mentorshipId(), json -> true);
		awaitMentorship(second.mentorshipId(), json -> true);
		awaitEnrolled(mentor, first.menteeId(), second.menteeId());
		for (int round = 0; round < 6; round++) {
			LocalDateTime start = inDays(20 + round, 9, 0);
			List<Reply> responses = atOnce(
					() -> book(first, first.menteeToken(), start, "Europe/Belgrade", 90),
					() -> book(second, second.menteeToken(), start.minusMinutes(45), "Europe/Belgrade", 60));

			assertExactlyOneBookedAndTheOtherNamesIt(responses);
		}
	}

	@Test
	void sixClientsRacingForTheSameHourBookItOnce() throws Exception {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 5);
		for (int round = 0; round < 3; round++) {
			LocalDateTime start = inDays(30 + round, 12, 0);
			// six different slots that all contain 12:20-12:25
			List<Reply> responses = atOnce(
					() -> book(pair, pair.mentorToken(), start, "Europe/Belgrade", 60),
					() -> book(pair, pair.menteeToken(), start, "Europe/Belgrade", 60),
					() -> book(pair, pair.mentorToken(), start.plusMinutes(15), "Europe/Belgrade", 30),
					() -> book(pair, pair.menteeToken(), start.minusMinutes(10), "Europe/Belgrade", 45),
					() -> book(pair, pair.mentorToken(), start.plusMinutes(20), "Europe/Belgrade", 15),
					() -> book(pair, pair.menteeToken(), start.plusMinutes(10), "Europe/Belgrade", 15));

			assertThat(responses).extracting(Reply::status).containsOnly(201, 409);
			assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		}
	}

	@Test
	void backToBackSessionsDoNotOverlap() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 5);

		booked(pair, inDays(3, 10, 0), 60);
		booked(pair, inDays(3, 11, 0), 60);
		booked(pair, inDays(3, 9, 0), 60);
	}

	@Test
	void movingOrCancellingASessionFreesItsTimeAndMovingIntoAnotherIsRefused() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 5);
		String monday = booked(pair, inDays(4, 10, 0), 60);
		String tuesday = booked(pair, inDays(5, 10, 0), 60);

		Reply clash = api().patch("/api/v1/sessions/" + tuesday, pair.mentorToken(),
				Map.of("start", inDays(4, 10, 30).toString()));
		assertProblem(clash, 409);
		assertThat(clash.json().at("/conflict/sessionId").asString()).isEqualTo(monday);

		Reply moved = api().patch("/api/v1/sessions/" + monday, pair.mentorToken(),
				Map.of("start", inDays(6, 10, 0).toString()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		// the old time is free again, the new one is taken
		booked(pair, inDays(4, 10, 0), 60);
		assertProblem(book(pair, pair.menteeToken(), inDays(6, 10, 15), "Europe/Belgrade", 30), 409);

		Reply cancelled = api().post("/api/v1/sessions/" + tuesday + "/cancel", pair.menteeToken(),
				Map.of("reason", "SCHEDULE_CONFLICT"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		booked(pair, inDays(5, 10, 0), 60);
	}

	@Test
	void aTimeTakenInAnotherZoneIsStillTaken() {
		TestProgramme.Pair pair = startedPair(TestProgramme.announced(), 5);
		booked(pair, inDays(8, 18, 0), 60);

		// 17:30 in London is 18:30 in Belgrade
		Reply clash = book(pair, pair.menteeToken(), inDays(8, 17, 30), "Europe/London", 60);

		assertProblem(clash, 409);
		assertThat(clash.json().get("type").asString()).isEqualTo("urn:mentoring:problem:session-overlap");
	}

	private static void assertExactlyOneBookedAndTheOtherNamesIt(List<Reply> responses) {
		assertThat(responses).extracting(Reply::status).containsExactlyInAnyOrder(201, 409);
		Reply won = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
		Reply lost = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
		assertThat(lost.json().at("/conflict/sessionId").asString()).isEqualTo(won.json().get("id").asString());
		assertThat(lost.json().get("detail").asString()).contains(won.json().get("id").asString());
	}

	@SafeVarargs
	private static List<Reply> atOnce(Callable<Reply>... requests) throws Exception {
		CountDownLatch ready = new CountDownLatch(requests.length);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Reply>> futures = Arrays.stream(requests).map(request -> CLIENTS.submit(() -> {
			ready.countDown();
			go.await();
			return request.call();
		})).toList();
		ready.await(30, TimeUnit.SECONDS);
		go.countDown();
		List<Reply> responses = new ArrayList<>();
		for (Future<Reply> future : futures) {
			responses.add(future.get(30, TimeUnit.SECONDS));
		}
		return responses;
	}

}
