package com.kreativnomentorstvo.faults;

import java.time.Duration;

import com.kreativnomentorstvo.faults.Ledger.Phase;

/**
 * One fault: how it is injected, what is watched while it lasts, how it is lifted. The load runs
 * through it; {@link FaultSuite} measures and {@link Verification} checks afterwards.
 *
 * @param name short, for the report
 * @param description what exactly happens
 * @param hold how long the fault lasts before it is lifted
 * @param inject makes the fault
 * @param watch called about once a second while the fault lasts (observations, e.g. readiness)
 * @param lift ends the fault; returns when the part is back (a restarted process answers)
 * @param outage the service whose store is away while the fault lasts ({@code *} for all), whose
 *     requests must then answer 503 within 2 s; null if none
 */
record Fault(String name, String description, Duration hold, Action inject, Action watch, Action lift,
		String outage) {

	/** A step of a fault. */
	@FunctionalInterface
	interface Action {

		void run(FaultSuite suite, Phase phase) throws Exception;

		Action NOTHING = (suite, phase) -> {
		};

	}

}
