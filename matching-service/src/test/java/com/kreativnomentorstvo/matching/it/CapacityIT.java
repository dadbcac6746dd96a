package com.kreativnomentorstvo.matching.it;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kreativnomentorstvo.events.Topics;
import com.kreativnomentorstvo.matching.fixture.Profiles;
import com.kreativnomentorstvo.matching.match.Places;
import com.kreativnomentorstvo.testkit.EventRecords;
import com.kreativnomentorstvo.testkit.http.Reply;

/** A mentor with room for one never ends up with two, however many answers arrive at once. */
class CapacityIT extends MatchingIntegrationTest {

	private static final int CONCURRENT = 50;

	@Autowired
	Places places;

	@Test
	void fiftyConcurrentAcceptsAgainstAMentorWithOnePlaceStartExactlyOneMentorship() throws Exception {
		TestProgramme programme = aProgramme();
		Profiles vesna = aMentor().capacity(1);
		List<Profiles> mentees = new ArrayList<>();
		for (int k = 0; k < CONCURRENT; k++) {
			mentees.add(aMentee());
		}
		enrol(programme, vesna);
		enrol(programme, mentees.toArray(Profiles[]::new));
		// fifty mentees ask for her while she still has her place: requests do not take it
		List<String> requests = new ArrayList<>();
		for (Profiles mentee : mentees) {
			Reply request = api().post("/api/v1/participants/" + mentee.id() + "/match-requests", mentee(mentee),
					Map.of("mentorId", vesna.id()));
			assertThat(request.status()).as(request.toString()).isEqualTo(201);
			requests.add(request.text("id"));
		}

		List<Reply> answers = all(requests.stream()
			.<Callable<Reply>>map(id -> () -> api().post("/api/v1/matches/" + id + "/accept", mentor(vesna), null))
			.toList());

		assertThat(answers).filteredOn(a -> a.status() == 200).singleElement()
			.satisfies(a -> assertThat(a.text("status")).isEqualTo("ACTIVE"));
		assertThat(answers).filteredOn(a -> a.status() != 200).hasSize(CONCURRENT - 1)
			.allSatisfy(a -> assertThat(a.status()).isEqualTo(409));
		assertThat(places.taken(vesna.id())).isEqualTo(1);
		await().atMost(PATIENCE).during(Duration.ofSeconds(2)).until(() -> startedWith(vesna.id()) == 1);
		// the requests she can no longer accept are declined for her, so those mentees return to the pool
		await().atMost(PATIENCE).until(() -> api()
			.get("/api/v1/programmes/" + programme.id() + "/matches?status=DECLINED&participantId=" + vesna.id(),
					coordinator(programme))
			.json()
			.get("total")
			.asInt() == CONCURRENT - 1);
		assertThat(mentees).filteredOn(m -> places.taken(m.id()) == 1).hasSize(1);
	}

	@Test
	void fiftyConcurrentManualMatchesForAMentorWithOnePlaceTakeOnePlace() throws Exception {
		TestProgramme programme = aProgramme();
		Profiles zoran = aMentor().capacity(1);
		List<Profiles> mentees = new ArrayList<>();
		for (int k = 0; k < CONCURRENT; k++) {
			mentees.add(aMentee());
		}
		enrol(programme, zoran);
		enrol(programme, mentees.toArray(Profiles[]::new));

		List<Reply> answers = all(mentees.stream()
			.<Callable<Reply>>map(mentee -> () -> api().post("/api/v1/programmes/" + programme.id() + "/matches",
					coordinator(programme), Map.of("mentorId", zoran.id(), "menteeId", mentee.id(), "startNow", true)))
			.toList());

		assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
		assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(CONCURRENT - 1)
			.allSatisfy(a -> assertThat(a.json().get("type").asString())
				.isEqualTo("urn:mentoring:problem:mentor-full"));
		assertThat(places.taken(zoran.id())).isEqualTo(1);
		assertThat(mentees).filteredOn(m -> places.taken(m.id()) > 0).hasSize(1);
		await().atMost(PATIENCE).during(Duration.ofSeconds(2)).until(() -> startedWith(zoran.id()) == 1);
	}

	/** Distinct mentorship.started events naming the mentor (a record may repeat: at least once). */
	private static long startedWith(String mentorId) {
		return EventRecords.all(Topics.MATCHING)
			.stream()
			.filter(r -> "mentoring.mentorship.started.v1".equals(EventRecords.header(r, "ce_type")))
			.filter(r -> EventRecords.value(r).contains("\"mentorId\":\"" + mentorId + "\""))
			.map(r -> EventRecords.header(r, "ce_id"))
			.distinct()
			.count();
	}

	/** Runs every call at the same moment, from its own thread. */
	private static List<Reply> all(List<Callable<Reply>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Reply>> futures = new ArrayList<>();
			for (Callable<Reply> call : calls) {
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<Reply> responses = new ArrayList<>();
			for (Future<Reply> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
