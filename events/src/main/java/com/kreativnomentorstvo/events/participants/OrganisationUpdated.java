package com.kreativnomentorstvo.events.participants;

import java.time.Instant;
import java.util.List;

import com.kreativnomentorstvo.events.MentoringEvent;

/**
 * An organisation's details were corrected. Carries its public details after the change and the names
 * of the fields that changed (a changed website or contact e-mail address is named, never its value);
 * {@code version} grows with every change, so a consumer keeps the newest.
 */
public record OrganisationUpdated(String organisationId, String name, String country, String kind,
		List<String> changedFields, long version, Instant updatedAt) implements MentoringEvent {

	@Override
	public String subject() {
		return organisationId;
	}

}
