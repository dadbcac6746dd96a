package com.kreativnomentorstvo.participants.integration;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.participants.validation.ResourceId;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Clients for scripts and integrations, one per integration, each scoped to one organisation; administrators only. */
@RestController
@RequestMapping("/api/v1/integrations")
@Validated
class IntegrationController {

	private final IntegrationClients clients;

	IntegrationController(IntegrationClients clients) {
		this.clients = clients;
	}

	/** 201 with the client id and secret: the secret is in this answer only. */
	@PostMapping
	ResponseEntity<IntegrationView> register(@Valid @RequestBody IntegrationForm form, Caller caller) {
		IntegrationClients.Registered registered = clients.register(form, caller);
		Integration integration = registered.integration();
		return ResponseEntity.created(URI.create("/api/v1/integrations/" + integration.clientId()))
			.header("Cache-Control", "no-store")
			.body(IntegrationView.registered(integration, registered.clientSecret(), registered.tokenUrl()));
	}

	@GetMapping
	PageOf<IntegrationView> list(@RequestParam(required = false) @ResourceId String organisationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
		return clients.list(caller, organisationId, page, size).map(IntegrationView::of);
	}

	@GetMapping("/{clientId}")
	IntegrationView get(@PathVariable String clientId, Caller caller) {
		return IntegrationView.of(clients.find(caller, clientId));
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> remove(@PathVariable String clientId, Caller caller) {
		clients.remove(caller, clientId);
		return ResponseEntity.noContent().build();
	}

}
