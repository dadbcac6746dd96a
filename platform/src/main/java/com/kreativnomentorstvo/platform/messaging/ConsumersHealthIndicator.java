package com.kreativnomentorstvo.platform.messaging;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The service's consumers are alive: none stopped on its own while the service runs. Part of the
 * liveness group, so that an orchestrator restarts a process whose consumers an error of the
 * virtual machine stopped (it would otherwise answer requests and never apply another event). A
 * broker that is away does not make it DOWN: consumers wait for it.
 */
class ConsumersHealthIndicator extends AbstractHealthIndicator {

	private final SubscriptionContainers containers;

	ConsumersHealthIndicator(SubscriptionContainers containers) {
		super("Checking the consumers failed");
		this.containers = containers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> stopped = containers.stoppedUnexpectedly();
		if (stopped.isEmpty()) {
			builder.up();
		}
		else {
			builder.down().withDetail("stopped", stopped);
		}
	}

}
