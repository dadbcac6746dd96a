package com.kreativnomentorstvo.matching.run;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a coordinator asks of a run. Everything is optional: absent settings come from the run it is
 * based on, if any, else from the programme's policy.
 *
 * @param basedOn a run of the programme whose inputs (pool, profiles, free places) to reuse: a
 *     "what if" on the same data rather than on today's pool
 * @param weights criterion weights (0–100) by code, replacing those given
 * @param lockedPairs pairs that must be in the result
 * @param excludedPairs pairs that must not be
 * @param liftedDeclines pairs proposed to each other before and declined by one side, which the run
 *     may propose again (otherwise it does not)
 * @param fairnessFirst maximise the worst pair's score before the total
 */
record RunRequest(@Size(max = 100) String basedOn, @Size(max = 20) Map<String, Integer> weights,
		@Valid @Size(max = 10_000) List<PairRequest> lockedPairs,
		@Valid @Size(max = 10_000) List<PairRequest> excludedPairs, Boolean fairnessFirst,
		@Valid @Size(max = 10_000) List<PairRequest> liftedDeclines) {

	/** A mentor and a mentee. */
	record PairRequest(@NotBlank @Size(max = 100) String mentorId, @NotBlank @Size(max = 100) String menteeId) {
	}

	static RunRequest empty() {
		return new RunRequest(null, null, null, null, null, null);
	}

}
