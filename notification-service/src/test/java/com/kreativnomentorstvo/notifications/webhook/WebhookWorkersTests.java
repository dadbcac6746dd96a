package com.kreativnomentorstvo.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;

/** Three workers, two places per endpoint: the bookkeeping the dispatcher relies on before it claims. */
class WebhookWorkersTests {

	private final WebhookWorkers workers = new WebhookWorkers(new ThreadPoolTaskExecutorBuilder(),
			new Binder(new MapConfigurationPropertySource(Map.of("mentoring.notifications.webhooks.workers", "3",
					"mentoring.notifications.webhooks.per-endpoint", "2")))
				.bindOrCreate("mentoring.notifications", NotificationProperties.class));

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		release.countDown();
		workers.destroy();
	}

	@Test
	void anEndpointHoldsAtMostItsPlaces() {
		assertThat(workers.enter("slow")).isTrue();
		assertThat(workers.free().fullEndpoints()).isEmpty();
		assertThat(workers.enter("slow")).isTrue();

		assertThat(workers.enter("slow")).isFalse();
		assertThat(workers.free().fullEndpoints()).containsExactly("slow");
		assertThat(workers.free().worker()).isTrue();
	}

	@Test
	void noPlaceIsTakenWhileEveryWorkerIsBusy() {
		workers.enter("a");
		workers.enter("a");
		workers.enter("b");

		assertThat(workers.free().worker()).isFalse();
		assertThat(workers.enter("c")).isFalse();
	}

	@Test
	void aPlaceIsGivenBackWhenItsWorkEndsOnAWebhookWorker() {
		AtomicReference<String> thread = new AtomicReference<>();
		workers.enter("a");
		workers.enter("a");

		workers.run("a", () -> {
			thread.set(Thread.currentThread().getName());
			awaitRelease();
		});

		assertThat(workers.free().fullEndpoints()).containsExactly("a");
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> workers.free().fullEndpoints().isEmpty());
		assertThat(thread.get()).startsWith("webhook-");
		assertThat(workers.enter("a")).isTrue();
	}

	@Test
	void whatFollowsAWorkRunsOnceItsPlaceIsFreeSoThePlaceCanBeTakenAgainAtOnce() {
		AtomicReference<Boolean> enteredAgain = new AtomicReference<>();
		workers.enter("a");
		workers.enter("a");

		// as the dispatcher does: the next delivery for the endpoint goes to the place just freed
		workers.run("a", () -> {
		}, () -> enteredAgain.set(workers.enter("a")));

		await().atMost(Duration.ofSeconds(5)).until(() -> enteredAgain.get() != null);
		assertThat(enteredAgain.get()).isTrue();
		assertThat(workers.free().fullEndpoints()).containsExactly("a");
	}

	@Test
	void afterShutdownWorkIsRefusedAndItsPlaceGivenBack() {
		workers.destroy();
		workers.enter("a");
		workers.enter("a");

		assertThatThrownBy(() -> workers.run("a", () -> {
		})).isInstanceOf(RejectedExecutionException.class);
		assertThat(workers.free().fullEndpoints()).isEmpty();
	}

	private void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
