package com.kreativnomentorstvo.participants.organisation;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.participants.web.PageOf;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The network's organisations: registered by administrators, seen by those who work with them. */
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
			.body(OrganisationView.of(organisation));
	}

	@GetMapping("/{id}")
	OrganisationView get(@PathVariable String id, Caller caller) {
		return OrganisationView.of(directory.visibleTo(caller, id));
	}

	@GetMapping
	PageOf<OrganisationView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		return directory.visibleTo(caller, page, size).map(OrganisationView::of);
	}

}
