package com.kreativnomentorstvo.participants.integration;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An integration as the API shows it. The client secret is in the answer that registers it only,
 * with the URL where the integration exchanges it for tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IntegrationView(String clientId, String clientSecret, String name, String organisationId, List<String> roles,
		Instant createdAt, String createdBy, String tokenUrl) {

	static IntegrationView of(Integration integration) {
		return new IntegrationView(integration.clientId(), null, integration.name(), integration.organisationId(),
				integration.roles(), integration.createdAt(), integration.createdBy(), null);
	}

	static IntegrationView registered(Integration integration, String clientSecret, String tokenUrl) {
		return new IntegrationView(integration.clientId(), clientSecret, integration.name(),
				integration.organisationId(), integration.roles(), integration.createdAt(), integration.createdBy(),
				tokenUrl);
	}

}
