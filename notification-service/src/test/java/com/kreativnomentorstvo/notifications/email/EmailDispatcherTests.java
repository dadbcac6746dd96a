package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;

import com.kreativnomentorstvo.notifications.delivery.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How a burst of due e-mails is sent: by four workers at once, the digests by one of them, pass after pass. */
class EmailDispatcherTests {

	private final DueEmails due = mock(DueEmails.class);

	private final EmailSending sending = mock(EmailSending.class);

	private final EmailDispatcher dispatcher = new EmailDispatcher(due, sending, mock(EmailOutcomes.class),
			Settings.withSecret("test"), Clock.fixed(Instant.parse("2027-02-01T10:00:00Z"), ZoneOffset.UTC),
			new ThreadPoolTaskExecutorBuilder());

	@AfterEach
	void stop() {
		dispatcher.destroy();
	}

	@Test
	void aBurstGoesOutFourAtATimePassAfterPassAndOnlyOneWorkerTakesDigests() throws Exception {
		AtomicInteger left = new AtomicInteger(120);
		Set<String> digestTakers = ConcurrentHashMap.newKeySet();
		when(due.claimNext(any())).thenAnswer(call -> {
			digestTakers.add(Thread.currentThread().getName());
			return left.getAndDecrement() > 0 ? mock(Delivery.class) : null;
		});
		when(due.claimNextSingle(any())).thenAnswer(call -> left.getAndDecrement() > 0 ? mock(Delivery.class) : null);
		// the first e-mail of each worker waits until four are being sent at once (or fails the test after 60 s)
		CyclicBarrier fourAtOnce = new CyclicBarrier(4);
		Set<String> met = ConcurrentHashMap.newKeySet();
		doAnswer(call -> {
			if (met.add(Thread.currentThread().getName())) {
				fourAtOnce.await(60, TimeUnit.SECONDS);
			}
			return null;
		}).when(sending).send(any());

		dispatcher.dispatchWhileDue();

		// 120 due, batches of 50: three passes in a row, without waiting for the poll interval
		verify(sending, times(120)).send(any());
		assertThat(met).hasSize(4);
		assertThat(fourAtOnce.isBroken()).isFalse();
		assertThat(digestTakers).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void aPassThatFindsLessThanABatchIsTheLastOneUntilThePollInterval() {
		AtomicInteger left = new AtomicInteger(7);
		when(due.claimNext(any())).thenAnswer(call -> left.getAndDecrement() > 0 ? mock(Delivery.class) : null);
		when(due.claimNextSingle(any())).thenAnswer(call -> left.getAndDecrement() > 0 ? mock(Delivery.class) : null);

		dispatcher.dispatchWhileDue();

		verify(sending, times(7)).send(any());
		// one pass: each of the four workers asked once more and found nothing
		assertThat(left.get()).isBetween(-4, -1);
	}

}
