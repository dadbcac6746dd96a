package com.kreativnomentorstvo.participants.integration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.participants.account.IdentityProvider;
import com.kreativnomentorstvo.participants.account.IntegrationClient;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;
import com.kreativnomentorstvo.participants.organisation.OrganisationDirectory;
import com.kreativnomentorstvo.platform.web.PageOf;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException.FieldProblem;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/**
 * The clients of scripts and integrations, one per integration, each acting for one organisation
 * with the roles registered (only {@code coordinator}): administrators register them at the
 * identity provider through here, see them, and remove them. The provider keeps the secret; it is
 * shown once, in the answer that registers the client, and stored nowhere here.
 */
@Service
class IntegrationClients {

	/** The roles an integration's tokens may carry. */
	static final List<String> GRANTABLE_ROLES = List.of("coordinator");

	private static final Logger log = LoggerFactory.getLogger(IntegrationClients.class);

	private final Integrations integrations;

	private final IdentityProvider provider;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	private final String tokenUrl;

	IntegrationClients(Integrations integrations, IdentityProvider provider, OrganisationDirectory organisations,
			ParticipantServiceProperties properties, OAuth2ResourceServerProperties resourceServer, Clock clock) {
		this.integrations = integrations;
		this.provider = provider;
		this.organisations = organisations;
		this.clock = clock;
		this.tokenUrl = tokenUrl(resourceServer.getJwt().getIssuerUri(), properties.accounts().provider());
	}

	/** A client registered now, with the secret that is shown this once. */
	record Registered(Integration integration, String clientSecret, String tokenUrl) {
	}

	Registered register(IntegrationForm form, Caller caller) {
		requireAdmin(caller);
		List<String> roles = form.roles() == null ? GRANTABLE_ROLES
				: form.roles().stream().distinct().toList();
		List<FieldProblem> problems = new ArrayList<>();
		if (roles.isEmpty() || !GRANTABLE_ROLES.containsAll(roles)) {
			problems.add(FieldProblem.of("roles", "integration.integration-may-only-granted", GRANTABLE_ROLES));
		}
		if (!organisations.isRegistered(form.organisationId())) {
			problems.add(FieldProblem.of("organisationId", "integration.registered-organisation"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		String name = form.name().strip();
		IntegrationClient client = provider.registerClient(name, form.organisationId(), roles);
		Integration integration = new Integration(client.clientId(), name, form.organisationId(), roles,
				clock.instant(), caller.subject());
		try {
			return new Registered(integrations.insert(integration), client.clientSecret(), tokenUrl);
		}
		catch (RuntimeException ex) {
			// a client nobody here knows of would work without anyone being able to see or remove it
			try {
				provider.removeClient(client.clientId());
			}
			catch (RuntimeException removal) {
				log.error("Client {} was registered at the identity provider but could not be recorded or removed; "
						+ "remove it there by hand: {}", client.clientId(), removal.toString());
			}
			throw ex;
		}
	}

	PageOf<Integration> list(Caller caller, String organisationId, int page, int size) {
		requireAdmin(caller);
		PageRequest request = PageRequest.of(page, size, Sort.by("name", "clientId"));
		Page<Integration> found = organisationId == null ? integrations.findAll(request)
				: integrations.findByOrganisationId(organisationId, request);
		return new PageOf<>(found.getContent(), page, size, found.getTotalElements());
	}

	Integration find(Caller caller, String clientId) {
		return integrations.findById(clientId)
			.filter(integration -> caller.isAdmin())
			.orElseThrow(() -> new ResourceNotFoundException("integration", clientId));
	}

	/**
	 * Removes the client at the identity provider (its tokens stop being issued), then the record.
	 * Removing one that is not (any more) registered here does nothing.
	 */
	void remove(Caller caller, String clientId) {
		if (!caller.isAdmin()) {
			throw new ResourceNotFoundException("integration", clientId);
		}
		if (!integrations.existsById(clientId)) {
			return;
		}
		provider.removeClient(clientId);
		integrations.deleteById(clientId);
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.isAdmin()) {
			throw new AccessDeniedException("only administrators manage integrations");
		}
	}

	/** Where a client exchanges its id and secret for tokens (client-credentials grant) at the issuer. */
	private static String tokenUrl(String issuer, String provider) {
		if (issuer == null) {
			return null;
		}
		String base = issuer.replaceAll("/+$", "");
		return "keycloak".equals(provider) ? base + "/protocol/openid-connect/token" : base + "/oauth2/token";
	}

}
