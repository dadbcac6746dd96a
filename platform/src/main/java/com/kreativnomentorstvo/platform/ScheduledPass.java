package com.kreativnomentorstvo.platform;

import org.slf4j.Logger;

/**
 * A feature's background pass, made safe to repeat on Spring's scheduler, where the feature registers
 * it from its {@code SchedulingConfigurer}:
 * {@code registrar.addFixedDelayTask(new ScheduledPass("e-mail pass", this::dispatchDue, log), interval)}.
 * A pass that fails (the store briefly away) is logged as a warning on its owner's logger and the next
 * one runs as planned. Written once so that every feature's pass fails the same way; platform loops on
 * a thread of their own use {@link RepeatingTask} instead.
 */
public final class ScheduledPass implements Runnable {

	private final String name;

	private final Runnable pass;

	private final Logger log;

	/**
	 * @param name what the warning calls the pass ({@code e-mail pass}, {@code inbox purge})
	 * @param pass one pass of the work
	 * @param log the owner's logger, which reports a failed pass
	 */
	public ScheduledPass(String name, Runnable pass, Logger log) {
		this.name = name;
		this.pass = pass;
		this.log = log;
	}

	/** Runs one pass; a failure is logged, not thrown. */
	@Override
	public void run() {
		try {
			pass.run();
		}
		catch (RuntimeException ex) {
			log.warn("The {} failed; the next one follows: {}", name, ex.toString());
		}
	}

}
