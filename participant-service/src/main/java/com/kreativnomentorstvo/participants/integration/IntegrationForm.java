package com.kreativnomentorstvo.participants.integration;

import java.util.List;

import com.kreativnomentorstvo.platform.web.PlainText;
import com.kreativnomentorstvo.participants.validation.ResourceId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What registers an integration.
 *
 * @param name what it is, for the administrators who see the list (e.g. "CRM import")
 * @param organisationId the organisation it acts for
 * @param roles what its tokens grant: only {@code coordinator}, the default
 */
record IntegrationForm(@NotBlank @Size(max = 80) @PlainText String name, @NotNull @ResourceId String organisationId,
		@Size(max = 4) List<@NotNull String> roles) {
}
