package com.kreativnomentorstvo.participants.coordinator;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.Versions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An organisation's coordinators: appointed, corrected and removed by administrators and the
 * organisation's own coordinators (and integrations acting for it); hidden from everyone else.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/coordinators")
@Validated
class CoordinatorController {

	private final CoordinatorDirectory directory;

	private final Appointments appointments;

	private final Removals removals;

	CoordinatorController(CoordinatorDirectory directory, Appointments appointments, Removals removals) {
		this.directory = directory;
		this.appointments = appointments;
		this.removals = removals;
	}

	@GetMapping
	PageOf<CoordinatorView> list(@PathVariable String organisationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		return directory.list(caller, organisationId, page, size).map(CoordinatorView::of);
	}

	/** 201 for a new appointment; 200 with the coordinator as she is if she had been appointed before. */
	@PostMapping
	ResponseEntity<CoordinatorView> appoint(@PathVariable String organisationId,
			@Valid @RequestBody AppointmentForm form, Caller caller) {
		Appointments.Appointment appointment = appointments.appoint(organisationId, form, caller);
		Coordinator coordinator = appointment.coordinator();
		if (!appointment.appointedNow()) {
			return respond(coordinator);
		}
		return ResponseEntity
			.created(URI.create("/api/v1/organisations/" + organisationId + "/coordinators/" + coordinator.getId()))
			.eTag(Versions.etag(coordinator.getVersion()))
			.body(CoordinatorView.of(coordinator));
	}

	@GetMapping("/{accountId}")
	ResponseEntity<CoordinatorView> get(@PathVariable String organisationId, @PathVariable String accountId,
			Caller caller) {
		return respond(directory.readableBy(caller, organisationId, accountId));
	}

	@PatchMapping(path = "/{accountId}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<CoordinatorView> change(@PathVariable String organisationId, @PathVariable String accountId,
			@Valid @RequestBody CoordinatorChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(directory.change(organisationId, accountId, changes, ifMatch, caller));
	}

	@DeleteMapping("/{accountId}")
	ResponseEntity<Void> remove(@PathVariable String organisationId, @PathVariable String accountId,
			Caller caller) {
		removals.remove(organisationId, accountId, caller);
		return ResponseEntity.noContent().build();
	}

	/** Sends her the link to set her password again; the earlier link stops working. */
	@PostMapping("/{accountId}/invitation")
	ResponseEntity<CoordinatorView> resendInvitation(@PathVariable String organisationId,
			@PathVariable String accountId, Caller caller) {
		return respond(appointments.resendInvitation(organisationId, accountId, caller));
	}

	private static ResponseEntity<CoordinatorView> respond(Coordinator coordinator) {
		return ResponseEntity.ok().eTag(Versions.etag(coordinator.getVersion())).body(CoordinatorView.of(coordinator));
	}

}
