package com.kreativnomentorstvo.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5 (idle half; the half under load is sampled during scenario 2): resident memory of every
 * process of the stack at rest, and how long the stack took from the run command to healthy, cold
 * (a fresh data folder: the broker's and the store's first start) and warm (the same folder again),
 * as {@code bench/load/run.sh} timed them.
 */
final class Footprint {

	void run(Stack stack, Map<String, String> env, Report report) {
		report.heading("5. Footprint and start");
		Map<String, Long> resident = StackProcesses.of(stack.pid()).residentMegabytes();
		long total = resident.values().stream().mapToLong(Long::longValue).sum();
		List<List<String>> rows = new ArrayList<>();
		resident.forEach((name, mb) -> rows.add(List.of(name, Long.toString(mb))));
		rows.add(List.of("**all " + resident.size() + " processes**", "**" + total + "**"));
		report.line("\nResident memory at rest, after start and the demo data, before any load (target: all <= 1,800 MB):");
		report.table(List.of("process", "resident (MB)"), rows);
		report.line("\nFrom `./run-local.sh` to \"Mentoring platform is up\" after a build (target: <= 45 s): cold "
				+ env.getOrDefault("COLD_START_SECONDS", "–") + " s, warm " + env.getOrDefault("WARM_START_SECONDS", "–")
				+ " s.");
	}

}
