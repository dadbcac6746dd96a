package com.kreativnomentorstvo.matching.match;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.matching.config.MatchingProperties;

/**
 * Expires proposals past their deadline and gives back idle places, on a fixed delay. Its work is
 * found in the store (deadlines and hold times), so it picks up where it left off after a restart,
 * and several instances may run it at once (see {@link MatchLifecycle#expireDue()}).
 */
@Component
class Housekeeping implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final MatchLifecycle lifecycle;

	private final MatchingProperties properties;

	private volatile ScheduledExecutorService executor;

	Housekeeping(MatchLifecycle lifecycle, MatchingProperties properties) {
		this.lifecycle = lifecycle;
		this.properties = properties;
	}

	void round() {
		try {
			int expired = lifecycle.expireDue();
			int released = lifecycle.releaseOrphanedPlaces();
			if (expired + released > 0) {
				log.info("Expired {} proposals, gave back {} idle places", expired, released);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Housekeeping round failed; trying again in {}: {}", properties.housekeeping().interval(),
					ex.getMessage());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "match-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.housekeeping().interval().toMillis();
		started.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
		executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
