package com.kreativnomentorstvo.participants.programme;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/**
 * Moves programmes on by their dates (OPEN when the enrolment window opens, RUNNING, CLOSING, CLOSED
 * the day after the end), every status interval, on the service's clock. The work is found in the
 * store and every write is conditional on the version read, so several instances may run it.
 */
@Component
class StatusSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(StatusSchedule.class);

	private final ProgrammeStatuses statuses;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	StatusSchedule(ProgrammeStatuses statuses, ParticipantServiceProperties properties, Clock clock) {
		this.statuses = statuses;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, properties.statuses().interval());
	}

	void run() {
		try {
			int moved = statuses.followDates(clock.instant());
			if (moved > 0) {
				log.info("Moved {} programmes on by their dates", moved);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Moving programmes on by their dates failed; retrying in {}: {}", properties.statuses().interval(),
					ex.getMessage());
		}
	}

}
