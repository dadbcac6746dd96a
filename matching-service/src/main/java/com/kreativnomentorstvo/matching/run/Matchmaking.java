package com.kreativnomentorstvo.matching.run;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.matching.run.MatchingRun.Inputs;
import com.kreativnomentorstvo.matching.run.MatchingRun.Settings;
import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the matching of a programme for its runners: on today's pool, or on the inputs of an earlier
 * run with other settings ("what if"). Each run is timed and stored as a draft.
 */
@Service
class Matchmaking {

	private final MatchingRuns runs;

	private final PoolSnapshot pool;

	private final ProgrammeAccess access;

	private final Clock clock;

	private final Timer runTime;

	Matchmaking(MatchingRuns runs, PoolSnapshot pool, ProgrammeAccess access, Clock clock, MeterRegistry meters) {
		this.runs = runs;
		this.pool = pool;
		this.access = access;
		this.clock = clock;
		// registered now, so that dashboards find it before the first run
		this.runTime = Timer.builder("mentoring.matching.run")
			.description("How long a matching run takes: the pool's snapshot, scoring and the optimal assignment")
			.register(meters);
	}

	MatchingRun start(Caller caller, String programmeId, RunRequest request) {
		Programme programme = access.runForMatching(caller, programmeId);
		MatchingRun base = request.basedOn() == null ? null
				: runs.findById(request.basedOn())
					.filter(run -> run.getProgrammeId().equals(programmeId))
					.orElseThrow(() -> new InvalidFieldsException("basedOn", ProblemText.of("run.based-on-unknown")));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Settings settings = RunSettings.of(programme, base, request, now);
		Timer.Sample timing = Timer.start();
		Inputs inputs = base != null ? base.getInputs() : pool.of(programme);
		MatchingRun.Results results = RunComputation.compute(inputs, settings);
		timing.stop(runTime);
		MatchingRun run = new MatchingRun(Ids.next("run"), programmeId, now, caller.subject(),
				base == null ? null : base.getId(), settings, inputs, results);
		return runs.save(run);
	}

}
