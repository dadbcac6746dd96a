package com.kreativnomentorstvo.notifications.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.notifications.config.NotificationProperties;
import com.kreativnomentorstvo.notifications.delivery.CoordinatorNotices;
import com.kreativnomentorstvo.notifications.delivery.Notifier;
import com.kreativnomentorstvo.notifications.template.NotificationKind;
import com.kreativnomentorstvo.platform.ScheduledPass;

/**
 * Fires the reminders that are due, every {@code reminders.poll-interval}. A reminder is claimed
 * with a conditional update (status pending, due, lease free) that sets a lease and a claim token,
 * fired, then marked fired only if the token is still its own. Two instances therefore never fire
 * the same reminder at once; an instance that dies mid-way leaves a lease that expires, after which
 * another fires it, and the notifications it had already made are not made again (their cause is
 * the reminder's generation). Nothing is kept in memory, so a restart loses nothing.
 */
@Component
class ReminderScheduler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

	private static final int BATCH = 100;

	private final MongoOperations mongo;

	private final Notifier notifier;

	private final CoordinatorNotices coordinators;

	private final Pairs pairs;

	private final NotificationProperties.Reminders settings;

	private final Clock clock;

	ReminderScheduler(MongoOperations mongo, Notifier notifier, CoordinatorNotices coordinators, Pairs pairs,
			NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.notifier = notifier;
		this.coordinators = coordinators;
		this.pairs = pairs;
		this.settings = properties.reminders();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new ScheduledPass("reminders pass", this::fireDue, log), settings.pollInterval());
	}

	/** A reminder this instance holds, with the token that proves it. */
	record Claim(Reminder reminder, String token) {
	}

	/**
	 * Fires what is due now, at most one batch.
	 * @return how many reminders this instance fired (or skipped as too late)
	 */
	int fireDue() {
		int handled = 0;
		for (Claim claim; handled < BATCH && (claim = claimNext(clock.instant())) != null;) {
			try {
				fire(claim);
				handled++;
			}
			catch (RuntimeException ex) {
				log.warn("Reminder {} failed; another attempt follows when its lease ends: {}", claim.reminder().id(),
						ex.toString());
			}
		}
		return handled;
	}

	/** Takes the next due reminder, if any, for this instance alone until the lease ends. */
	Claim claimNext(Instant now) {
		String token = UUID.randomUUID().toString();
		Query due = Query.query(Criteria.where("status")
			.is(Reminder.Status.PENDING)
			.and("dueAt")
			.lte(now)
			.and("leaseUntil")
			.lte(now)).with(Sort.by("dueAt"));
		Reminder claimed = mongo.findAndModify(due,
				new Update().set("leaseUntil", now.plus(settings.lease())).set("claimToken", token).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Reminder.class);
		return claimed == null ? null : new Claim(claimed, token);
	}

	void fire(Claim claim) {
		Reminder reminder = claim.reminder();
		Instant now = clock.instant();
		boolean late = switch (reminder.type()) {
			case SESSION_DAY_BEFORE, SESSION_HOUR_BEFORE -> reminder.start() != null && !reminder.start().isAfter(now);
			case PROPOSAL_UNANSWERED, SURVEY_DUE -> reminder.respondBy() != null && !reminder.respondBy().isAfter(now);
			case PAIR_SILENT, MIDTERM_REVIEW, MIDTERM_REVIEW_MISSING, FINAL_REVIEW ->
				pairs.findById(reminder.mentorshipId()).map(p -> !p.active()).orElse(false);
		};
		if (!late) {
			if (reminder.type() == Reminder.Type.MIDTERM_REVIEW_MISSING) {
				// whose review is missing: the pair's coordinators are told, with her as the one it is about
				String missing = reminder.recipients().get(0);
				coordinators.aboutPair(NotificationKind.MISSING_MIDTERM_REVIEW, reminder.cause(), reminder.programmeId(),
						reminder.organisationId(), reminder.mentorId(), reminder.menteeId(),
						reminder.detailsFor(missing).counterpart(missing, missing.equals(reminder.mentorId())));
			}
			else {
				for (String recipient : reminder.recipients()) {
					notifier.notify(new Notifier.Notice(reminder.type().kind, reminder.cause(), recipient,
							reminder.programmeId(), reminder.organisationId(), reminder.detailsFor(recipient)));
				}
			}
			if (reminder.type() == Reminder.Type.PAIR_SILENT) {
				// the pair's coordinators learn of it too: a silent pair is the first sign of one at risk
				coordinators.aboutPair(NotificationKind.SILENT_PAIR, reminder.cause(), reminder.programmeId(),
						reminder.organisationId(), reminder.mentorId(), reminder.menteeId(),
						reminder.detailsFor(reminder.mentorId()));
			}
		}
		long finished = mongo.updateFirst(
				Query.query(Criteria.where("_id").is(reminder.id()).and("claimToken").is(claim.token())),
				new Update().set("status", late ? Reminder.Status.SKIPPED : Reminder.Status.FIRED)
					.set("firedAt", now)
					.set("leaseUntil", Instant.EPOCH)
					.unset("claimToken")
					.inc("version", 1),
				Reminder.class).getModifiedCount();
		if (finished == 0) {
			log.debug("Reminder {} was re-planned while firing; the new plan stands", reminder.id());
		}
	}

}
