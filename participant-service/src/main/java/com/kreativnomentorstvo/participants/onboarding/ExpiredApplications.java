package com.kreativnomentorstvo.participants.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.account.AccountLinks;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.participant.Participant;
import com.kreativnomentorstvo.participants.participant.Participants;
import com.kreativnomentorstvo.participants.participant.Pending;

/**
 * Applications whose address was not confirmed in time are erased, with their contact details (a
 * tombstone follows, as for any erasure): an unconfirmed address is kept no longer than its link
 * works. Links that expired a month ago are forgotten.
 */
@Component
class ExpiredApplications implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ExpiredApplications.class);

	private static final Duration LINKS_KEPT_AFTER_EXPIRY = Duration.ofDays(30);

	private final Participants participants;

	private final AccountLinks links;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	ExpiredApplications(Participants participants, AccountLinks links, ParticipantServiceProperties properties,
			Clock clock) {
		this.participants = participants;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::runQuietly, properties.accounts().maintenanceInterval());
	}

	/** @return how many applications were erased */
	int run() {
		Instant now = clock.instant();
		int erased = 0;
		for (Participant expired : participants.findByPendingAndPendingUntilBefore(Pending.ADDRESS_CONFIRMATION, now)) {
			try {
				if (expired.erase(false, now)) {
					participants.save(expired);
					links.forget(expired.getId(), null);
					erased++;
				}
			}
			catch (OptimisticLockingFailureException confirmedMeanwhile) {
				log.debug("Application {} changed while expiring; looked at again next time", expired.getId());
			}
		}
		links.forgetExpired(LINKS_KEPT_AFTER_EXPIRY);
		return erased;
	}

	private void runQuietly() {
		try {
			int erased = run();
			if (erased > 0) {
				log.info("Erased {} applications whose address was not confirmed in time", erased);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Erasing expired applications failed; retrying later: {}", ex.getMessage());
		}
	}

}
