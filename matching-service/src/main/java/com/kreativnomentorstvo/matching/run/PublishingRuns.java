package com.kreativnomentorstvo.matching.run;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.matching.match.ProposingRunPairs;
import com.kreativnomentorstvo.matching.match.Publication;
import com.kreativnomentorstvo.matching.projection.ProgrammeAccess;
import com.kreativnomentorstvo.platform.programmes.Programme;
import com.kreativnomentorstvo.platform.security.Caller;

/** A draft run's pairs are published as proposals to both people, once per run. */
@Service
class PublishingRuns {

	private final MatchingRuns runs;

	private final ProgrammeRuns programmeRuns;

	private final ProgrammeAccess access;

	private final ProposingRunPairs proposing;

	private final RunChanges changes;

	private final Clock clock;

	PublishingRuns(MatchingRuns runs, ProgrammeRuns programmeRuns, ProgrammeAccess access,
			ProposingRunPairs proposing, RunChanges changes, Clock clock) {
		this.runs = runs;
		this.programmeRuns = programmeRuns;
		this.access = access;
		this.proposing = proposing;
		this.changes = changes;
		this.clock = clock;
	}

	/** @param requestedRespondBy the deadline for answers, instead of the programme's number of days */
	MatchingRun publish(Caller caller, String programmeId, String runId, Instant requestedRespondBy) {
		Programme programme = access.runForMatching(caller, programmeId);
		MatchingRun run = programmeRuns.find(caller, programmeId, runId);
		Instant respondBy = proposing.respondBy(programme, requestedRespondBy);
		run.publish(clock.instant().truncatedTo(ChronoUnit.MILLIS), respondBy);
		run = runs.save(run); // a concurrent publish of the same run fails here, before any proposal
		List<ProposingRunPairs.RunPair> pairs = run.getResults()
			.proposals()
			.stream()
			.map(pair -> new ProposingRunPairs.RunPair(pair.menteeId(), pair.mentorId(), pair.explanation()))
			.toList();
		List<Publication> outcomes = proposing.propose(programme, runId, pairs, respondBy);
		return changes.apply(runId, latest -> latest.published(outcomes));
	}

}
