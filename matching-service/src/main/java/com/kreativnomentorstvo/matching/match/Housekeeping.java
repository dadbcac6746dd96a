package com.kreativnomentorstvo.matching.match;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.matching.config.MatchingProperties;

/**
 * Expires proposals past their deadline, gives back idle places and ends extended mentorships whose
 * day has come, on a fixed delay, on the
 * application's scheduler. Its work is
 * found in the store (deadlines and hold times), so it picks up where it left off after a restart,
 * and several instances may run it at once (see {@link ExpiringProposals}).
 */
@Component
class Housekeeping implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final ExpiringProposals expiring;

	private final ReclaimingIdlePlaces reclaiming;

	private final EndingExtendedMentorships endingExtended;

	private final MatchingProperties properties;

	Housekeeping(ExpiringProposals expiring, ReclaimingIdlePlaces reclaiming, EndingExtendedMentorships endingExtended,
			MatchingProperties properties) {
		this.expiring = expiring;
		this.reclaiming = reclaiming;
		this.endingExtended = endingExtended;
		this.properties = properties;
	}

	void round() {
		try {
			int expired = expiring.expireDue();
			int released = reclaiming.reclaim();
			int ended = endingExtended.endDue();
			if (expired + released + ended > 0) {
				log.info("Expired {} proposals, gave back {} idle places, ended {} extended mentorships", expired,
						released, ended);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Housekeeping round failed; trying again in {}: {}", properties.housekeeping().interval(),
					ex.getMessage());
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = properties.housekeeping().interval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::round, interval, interval));
	}

}
