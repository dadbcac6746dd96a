package com.kreativnomentorstvo.matching.run;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.matching.match.Timestamps;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.PageOf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Matching runs of a programme, for its coordinators. */
@RestController
@RequestMapping("/api/v1/programmes/{programmeId}/matching-runs")
class MatchingRunController {

	private final Matchmaking matchmaking;

	private final ProgrammeRuns programmeRuns;

	private final PublishingRuns publishing;

	MatchingRunController(Matchmaking matchmaking, ProgrammeRuns programmeRuns, PublishingRuns publishing) {
		this.matchmaking = matchmaking;
		this.programmeRuns = programmeRuns;
		this.publishing = publishing;
	}

	/** Runs the matching now (or replays an earlier run's inputs with other settings). */
	@PostMapping
	ResponseEntity<RunView> start(Caller caller, @PathVariable String programmeId,
			@Valid @RequestBody(required = false) RunRequest request) {
		MatchingRun run = matchmaking.start(caller, programmeId, request == null ? RunRequest.empty() : request);
		return ResponseEntity
			.created(URI.create("/api/v1/programmes/" + programmeId + "/matching-runs/" + run.getId()))
			.body(RunView.of(run, true));
	}

	@GetMapping
	PageOf<RunView> list(Caller caller, @PathVariable String programmeId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		ProgrammeRuns.RunPage runs = programmeRuns.list(caller, programmeId, page, size);
		return new PageOf<>(runs.items().stream().map(run -> RunView.of(run, false)).toList(), page, size, runs.total());
	}

	@GetMapping("/{runId}")
	RunView get(Caller caller, @PathVariable String programmeId, @PathVariable String runId) {
		return RunView.of(programmeRuns.find(caller, programmeId, runId), true);
	}

	/** The run beside another run of the programme. */
	@GetMapping("/{runId}/comparison")
	RunComparison compare(Caller caller, @PathVariable String programmeId, @PathVariable String runId,
			@RequestParam("with") @NotBlank String otherRunId) {
		return RunComparison.of(programmeRuns.find(caller, programmeId, runId),
				programmeRuns.find(caller, programmeId, otherRunId));
	}

	/** Publishes the run's pairs as proposals to both people. */
	@PostMapping("/{runId}/publish")
	RunView publish(Caller caller, @PathVariable String programmeId, @PathVariable String runId,
			@Valid @RequestBody(required = false) PublishRequest request) {
		return RunView.of(publishing.publish(caller, programmeId, runId,
				request == null ? null : Timestamps.parse(request.respondBy())), true);
	}

	/** @param respondBy the deadline for answers, instead of the policy's number of days */
	record PublishRequest(
			@Pattern(regexp = Timestamps.PATTERN, message = "{field.timestamp}") String respondBy) {
	}

}
