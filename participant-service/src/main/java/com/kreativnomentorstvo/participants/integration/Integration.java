package com.kreativnomentorstvo.participants.integration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A script or integration of one organisation, known by its client at the identity provider. Its
 * secret is not here: the provider keeps it (hashed), and only the answer that registered it showed it.
 *
 * @param clientId the client's id at the identity provider; the {@code sub} of its tokens
 * @param roles what its tokens grant, within the organisation: {@code coordinator}
 * @param createdBy the administrator who registered it
 */
@Document("integrations")
record Integration(@Id String clientId, String name, @Indexed String organisationId, List<String> roles,
		Instant createdAt, String createdBy) {

	Integration {
		roles = List.copyOf(roles);
	}

}
