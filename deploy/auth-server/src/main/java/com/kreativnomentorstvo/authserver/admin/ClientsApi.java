package com.kreativnomentorstvo.authserver.admin;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kreativnomentorstvo.authserver.account.Roles;
import com.kreativnomentorstvo.authserver.client.IntegrationClients;
import com.kreativnomentorstvo.authserver.client.IntegrationClients.IssuedClient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The integrations' {@code client_credentials} clients: register one (its secret is shown once), remove one. */
@RestController
@RequestMapping("/admin/clients")
class ClientsApi {

	private final IntegrationClients clients;

	ClientsApi(IntegrationClients clients) {
		this.clients = clients;
	}

	@PostMapping
	ResponseEntity<IssuedClient> register(@Valid @RequestBody NewClient body) {
		IssuedClient client = clients.register(body.name(), body.organisationId(), body.roles());
		// the secret is in this answer and nowhere else: no cache may keep it
		return ResponseEntity.created(URI.create("/admin/clients/" + client.clientId()))
			.cacheControl(CacheControl.noStore())
			.body(client);
	}

	/** 204 also when there is no such client (any more). */
	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> remove(@PathVariable String clientId) {
		clients.remove(clientId);
		return ResponseEntity.noContent().build();
	}

	record NewClient(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String organisationId,
			@NotNull List<@NotNull @Pattern(regexp = Roles.PATTERN) String> roles) {
	}

}
