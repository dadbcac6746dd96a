package com.kreativnomentorstvo.participants.programme;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.web.Versions;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Programmes: set up by their organiser, seen by their coordinators, participants and applicants. */
@RestController
@RequestMapping("/api/v1/programmes")
@Validated
class ProgrammeController {

	private final ProgrammeCatalogue catalogue;

	private final ProgrammeAccess access;

	private final ProgrammeStatuses statuses;

	private final NextCycles cycles;

	private final Clock clock;

	ProgrammeController(ProgrammeCatalogue catalogue, ProgrammeAccess access, ProgrammeStatuses statuses,
			NextCycles cycles, Clock clock) {
		this.catalogue = catalogue;
		this.cycles = cycles;
		this.access = access;
		this.statuses = statuses;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<ProgrammeView> create(@Valid @RequestBody ProgrammeForm form, Caller caller) {
		Programme programme = catalogue.create(form, caller);
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.getId()))
			.eTag(Versions.etag(programme.getVersion()))
			.body(view(programme, caller));
	}

	@GetMapping("/{id}")
	ResponseEntity<ProgrammeView> get(@PathVariable String id, Caller caller) {
		return respond(access.visibleTo(caller, id), caller);
	}

	@GetMapping
	PageOf<ProgrammeView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		return access.visibleTo(caller, page, size).map(programme -> view(programme, caller));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ProgrammeView> change(@PathVariable String id, @Valid @RequestBody ProgrammeChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(catalogue.revise(id, changes, ifMatch, caller), caller);
	}

	/**
	 * The organiser's coordinators (and administrators) move the programme to another status:
	 * forward (DRAFT, OPEN, RUNNING, CLOSING, CLOSED), ARCHIVED from CLOSED, and from CLOSING back to
	 * RUNNING once its end has been moved out. A move the current status does not allow is a 409
	 * naming {@code status}; moving to the current status changes nothing. Partners' coordinators:
	 * 403; everyone else: 404.
	 */
	@PostMapping("/{id}/status")
	ResponseEntity<ProgrammeView> changeStatus(@PathVariable String id, @Valid @RequestBody StatusMove move,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(statuses.move(id, move.status(), move.reason(), ifMatch, caller), caller);
	}

	/**
	 * The organiser's coordinators (and administrators) copy the programme as its next cycle: the
	 * same organisations, languages, settings and call, every date shifted to the new start.
	 * Partners' coordinators: 403; everyone else: 404.
	 */
	@PostMapping("/{id}/next-cycle")
	ResponseEntity<ProgrammeView> nextCycle(@PathVariable String id, @Valid @RequestBody NextCycleForm form,
			Caller caller) {
		Programme next = cycles.copy(id, form, caller);
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + next.getId()))
			.eTag(Versions.etag(next.getVersion()))
			.body(view(next, caller));
	}

	@GetMapping("/{id}/milestones")
	ResponseEntity<List<Milestone>> milestones(@PathVariable String id, Caller caller) {
		Programme programme = access.visibleTo(caller, id);
		return ResponseEntity.ok().eTag(Versions.etag(programme.getVersion())).body(programme.getMilestones());
	}

	@PostMapping("/{id}/milestones")
	ResponseEntity<List<Milestone>> addMilestone(@PathVariable String id, @Valid @RequestBody MilestoneForm milestone,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		Programme programme = catalogue.addMilestone(id, milestone, ifMatch, caller);
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + id + "/milestones"))
			.eTag(Versions.etag(programme.getVersion()))
			.body(programme.getMilestones());
	}

	@PutMapping("/{id}/milestones")
	ResponseEntity<List<Milestone>> replaceMilestones(@PathVariable String id,
			@RequestBody @NotNull @Size(max = 30) List<@NotNull @Valid MilestoneForm> milestones,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		Programme programme = catalogue.replaceMilestones(id, milestones, ifMatch, caller);
		return ResponseEntity.ok().eTag(Versions.etag(programme.getVersion())).body(programme.getMilestones());
	}

	/** The programme's public call as its coordinators see it (applicants read it at {@code /api/v1/calls}). */
	@GetMapping("/{id}/call")
	ResponseEntity<Call> call(@PathVariable String id, Caller caller) {
		Programme programme = access.coordinatedBy(caller, id);
		return ResponseEntity.ok().eTag(Versions.etag(programme.getVersion())).body(programme.getCall());
	}

	/** Replaces the public call: its texts per language and the application questions. */
	@PutMapping("/{id}/call")
	ResponseEntity<Call> publishCall(@PathVariable String id, @Valid @RequestBody CallForm call,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		Programme programme = catalogue.publishCall(id, call, ifMatch, caller);
		return ResponseEntity.ok().eTag(Versions.etag(programme.getVersion())).body(programme.getCall());
	}

	private ResponseEntity<ProgrammeView> respond(Programme programme, Caller caller) {
		return ResponseEntity.ok().eTag(Versions.etag(programme.getVersion())).body(view(programme, caller));
	}

	private ProgrammeView view(Programme programme, Caller caller) {
		boolean withSettings = access.seesSettingsOf(caller, programme);
		return ProgrammeView.of(programme, statuses.statusOf(programme), withSettings,
				withSettings ? cycles.nextCyclesOf(programme) : List.of(), clock.instant());
	}

	/**
	 * @param status the status to move to
	 * @param reason why, in the coordinator's words; kept with the programme, never published
	 */
	record StatusMove(@NotNull ProgrammeStatus status, @Size(max = 500) @PlainText String reason) {
	}

}
