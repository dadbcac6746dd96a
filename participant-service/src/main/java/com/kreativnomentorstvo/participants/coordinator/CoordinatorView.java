package com.kreativnomentorstvo.participants.coordinator;

import java.time.Instant;

/** A coordinator as the API shows her to those who manage the organisation's coordinators, and to herself. */
record CoordinatorView(String accountId, String organisationId, String displayName, String email,
		String preferredLocale, Instant appointedAt, String appointedBy) {

	static CoordinatorView of(Coordinator coordinator) {
		return new CoordinatorView(coordinator.getId(), coordinator.getOrganisationId(), coordinator.getDisplayName(),
				coordinator.getEmail(), coordinator.getPreferredLocale(), coordinator.getAppointedAt(),
				coordinator.getAppointedBy());
	}

}
