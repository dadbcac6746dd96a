package com.kreativnomentorstvo.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.config.WorkerPools;
import com.kreativnomentorstvo.notifications.delivery.Delivery;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * Sends the e-mails that are due, every {@code mail.poll-interval}: first the outcomes this instance
 * could not record before are recorded and the e-mails whose address never came are failed
 * ({@link EmailOutcomes}), then at most {@code mail.batch} due deliveries are claimed
 * ({@link DueEmails}) and sent ({@link EmailSending}) by {@code mail.workers} at once: this thread,
 * which also takes the daily digests, and the others on the feature's own pool, which take single
 * e-mails only. A pass that sent a whole batch is followed by the next at once, so a burst (a
 * thousand sessions booked, an announcement to a cohort) goes out as fast as the SMTP server and the
 * store take it. A failing pass (e.g. the store briefly away) is logged and the next one runs as planned.
 *
 * <p>The pool is this feature's own ({@link WorkerPools}).
 */
@Component
class EmailDispatcher implements SchedulingConfigurer, DisposableBean {

	/** Passes in a row before the thread is given back to the scheduler, while a burst lasts. */
	private static final int MOST_PASSES_IN_A_ROW = 100;

	private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

	private final DueEmails due;

	private final EmailSending sending;

	private final EmailOutcomes outcomes;

	private final NotificationProperties.Mail settings;

	private final Clock clock;

	/** The workers besides the scheduler's thread; none with one worker. */
	private final ThreadPoolTaskExecutor helpers;

	EmailDispatcher(DueEmails due, EmailSending sending, EmailOutcomes outcomes, NotificationProperties properties,
			Clock clock, ThreadPoolTaskExecutorBuilder builder) {
		this.due = due;
		this.sending = sending;
		this.outcomes = outcomes;
		this.settings = properties.mail();
		this.clock = clock;
		int others = Math.max(0, settings.workers() - 1);
		if (others == 0) {
			this.helpers = null;
		}
		else {
			this.helpers = WorkerPools.start(builder, others, others, "e-mail-");
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("e-mail pass", this::dispatchWhileDue, log),
				settings.pollInterval());
	}

	/** Passes one after the other while each finds a whole batch due (at most {@link #MOST_PASSES_IN_A_ROW}). */
	void dispatchWhileDue() {
		for (int pass = 0; pass < MOST_PASSES_IN_A_ROW && dispatchDue() >= settings.batch(); pass++) {
			log.debug("A whole batch of e-mails was due; the next pass follows at once");
		}
	}

	/**
	 * Sends what is due now, at most one batch.
	 * @return how many deliveries were handled
	 */
	int dispatchDue() {
		Instant now = clock.instant();
		outcomes.recordSentBefore();
		outcomes.expireAwaitingContact(now);
		AtomicInteger budget = new AtomicInteger(settings.batch());
		List<Future<Integer>> others = new ArrayList<>();
		for (int i = 1; i < settings.workers(); i++) {
			try {
				others.add(helpers.submit(() -> sendWhileDue(now, budget, false)));
			}
			catch (RejectedExecutionException shuttingDown) {
				break;
			}
		}
		int handled = sendWhileDue(now, budget, true);
		for (Future<Integer> other : others) {
			handled += result(other);
		}
		return handled;
	}

	/** Claims and sends due deliveries while the pass's budget lasts; the number handled. */
	private int sendWhileDue(Instant now, AtomicInteger budget, boolean digestsToo) {
		int handled = 0;
		while (budget.getAndDecrement() > 0) {
			Delivery delivery = digestsToo ? due.claimNext(now) : due.claimNextSingle(now);
			if (delivery == null) {
				break;
			}
			handled++;
			try {
				sending.send(delivery);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				log.debug("Delivery {} changed while being sent (erased?); leaving it", delivery.id());
			}
			catch (RuntimeException ex) {
				log.warn("Could not handle delivery {}; it is retried after its lease: {}", delivery.id(), ex.toString());
			}
		}
		return handled;
	}

	private static int result(Future<Integer> worker) {
		try {
			return worker.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
		catch (ExecutionException ex) {
			log.warn("An e-mail worker failed: {}", ex.getCause().toString());
			return 0;
		}
	}

	@Override
	public void destroy() {
		if (helpers != null) {
			helpers.shutdown();
		}
	}

}
