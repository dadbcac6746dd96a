package com.kreativnomentorstvo.matching.run;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.retry.Conflicts;

/** Applies a change to the latest stored state of a run, again if someone else changed it first (the platform's {@link Conflicts}). */
@Component
class RunChanges {

	private final MatchingRuns runs;

	RunChanges(MatchingRuns runs) {
		this.runs = runs;
	}

	MatchingRun apply(String runId, Consumer<MatchingRun> change) {
		return Conflicts.retry(() -> {
			MatchingRun latest = runs.findById(runId).orElseThrow();
			change.accept(latest);
			return runs.save(latest);
		});
	}

}
