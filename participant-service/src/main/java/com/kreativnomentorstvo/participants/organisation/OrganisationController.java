package com.kreativnomentorstvo.participants.organisation;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
 * The network's organisations: registered by administrators, corrected by administrators and the
 * organisation's own coordinators, seen by those who work with them.
 */
@RestController
@RequestMapping("/api/v1/organisations")
@Validated
class OrganisationController {

	private final OrganisationDirectory directory;

	OrganisationController(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@PostMapping
	ResponseEntity<OrganisationView> register(@Valid @RequestBody OrganisationForm form, Caller caller) {
		Organisation organisation = directory.register(form, caller);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation.getId()))
			.eTag(Versions.etag(organisation.getVersion()))
			.body(OrganisationView.of(organisation));
	}

	@GetMapping("/{id}")
	ResponseEntity<OrganisationView> get(@PathVariable String id, Caller caller) {
		return respond(directory.visibleTo(caller, id));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<OrganisationView> change(@PathVariable String id, @Valid @RequestBody OrganisationChanges changes,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
		return respond(directory.change(id, changes, ifMatch, caller));
	}

	@GetMapping
	PageOf<OrganisationView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		return directory.visibleTo(caller, page, size).map(OrganisationView::of);
	}

	private static ResponseEntity<OrganisationView> respond(Organisation organisation) {
		return ResponseEntity.ok().eTag(Versions.etag(organisation.getVersion())).body(OrganisationView.of(organisation));
	}

}
