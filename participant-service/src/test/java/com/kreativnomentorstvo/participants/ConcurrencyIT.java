package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;

import com.kreativnomentorstvo.participants.support.Fixtures;
import com.kreativnomentorstvo.participants.support.ServiceIT;
import com.kreativnomentorstvo.testkit.http.Reply;

/** Two people change one participant at the same moment, both from the same version: one wins. */
class ConcurrencyIT extends ServiceIT {

	@RepeatedTest(5)
	void ofTwoConcurrentUpdatesOneWinsAndTheOtherIsAPreconditionFailure() throws Exception {
		String organiser = newOrganisation("RS");
		String programme = newProgramme(Fixtures.aProgramme(organiser));
		String participant = enrol(Fixtures.aMentor(programme, organiser));
		String path = "/api/v1/participants/" + participant;
		Reply read = api.get(path, admin);
		String coordinator = TOKENS.coordinator(organiser);
		String herself = TOKENS.participant(participant, organiser, "mentor");

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<Reply> byCoordinator = CompletableFuture.supplyAsync(() -> {
				await(start);
				return api.patch(path, coordinator, Map.of("city", "Novi Sad"), read.etag());
			}, pool);
			CompletableFuture<Reply> byHerself = CompletableFuture.supplyAsync(() -> {
				await(start);
				return api.patch(path, herself, Map.of("city", "Subotica"), read.etag());
			}, pool);
			start.countDown();
			List<Reply> replies = List.of(byCoordinator.get(30, TimeUnit.SECONDS), byHerself.get(30, TimeUnit.SECONDS));

			assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 412);
			Reply winner = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
			Reply loser = replies.stream().filter(reply -> reply.status() == 412).findFirst().orElseThrow();
			assertThat(loser.isProblem()).isTrue();
			assertThat(loser.problemType()).isEqualTo("urn:mentoring:problem:stale-version");
			Reply now = api.get(path, admin);
			assertThat(now.text("city")).isEqualTo(winner.text("city"));
			assertThat(now.json().path("version").asLong()).isEqualTo(read.json().path("version").asLong() + 1);
			assertThat(now.etag()).isEqualTo(winner.etag());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
