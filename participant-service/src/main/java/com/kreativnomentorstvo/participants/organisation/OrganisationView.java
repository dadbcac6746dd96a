package com.kreativnomentorstvo.participants.organisation;

import java.time.Instant;

/** An organisation as the API shows it. */
record OrganisationView(String id, String name, String country, String kind, String website, String contactEmail,
		Instant registeredAt, Instant updatedAt, long version) {

	static OrganisationView of(Organisation organisation) {
		return new OrganisationView(organisation.getId(), organisation.getName(), organisation.getCountry(),
				organisation.getKind(), organisation.getWebsite(), organisation.getContactEmail(),
				organisation.getRegisteredAt(), organisation.getUpdatedAt(),
				organisation.getVersion() == null ? 0 : organisation.getVersion());
	}

}
