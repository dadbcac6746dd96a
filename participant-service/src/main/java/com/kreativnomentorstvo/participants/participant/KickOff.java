package com.kreativnomentorstvo.participants.participant;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/** When a programme starts, its accepted participants become active; checked every activation interval. */
@Component
class KickOff implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(KickOff.class);

	private final Admissions admissions;

	private final ParticipantServiceProperties properties;

	private final Clock clock;

	KickOff(Admissions admissions, ParticipantServiceProperties properties, Clock clock) {
		this.admissions = admissions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, properties.activationInterval());
	}

	void run() {
		try {
			int activated = admissions.activateStarted(clock.instant());
			if (activated > 0) {
				log.info("Activated {} accepted participants of programmes that have started", activated);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Activating participants failed; retrying in {}: {}", properties.activationInterval(),
					ex.getMessage());
		}
	}

}
