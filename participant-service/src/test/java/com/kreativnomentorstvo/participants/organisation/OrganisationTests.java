package com.kreativnomentorstvo.participants.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.EventJson;
import com.kreativnomentorstvo.events.participants.OrganisationRegistered;
import com.kreativnomentorstvo.events.participants.OrganisationUpdated;

/** The organisation aggregate records its corrections, and only real ones. */
class OrganisationTests {

	private static final Instant REGISTERED = Instant.parse("2026-11-01T09:00:00Z");

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void aCorrectionRecordsTheChangedFieldNamesAndNoAddress() {
		Organisation organisation = anOrganisation();

		boolean changed = organisation.change("Kulturen kolektiv", "network", "https://kk.example.org",
				"programmes@kk.example.org", NOW);

		assertThat(changed).isTrue();
		assertThat(organisation.getName()).isEqualTo("Kulturen kolektiv");
		assertThat(organisation.getContactEmail()).isEqualTo("programmes@kk.example.org");
		assertThat(organisation.getUpdatedAt()).isEqualTo(NOW);
		assertThat(organisation.recordedEvents()).hasSize(2).last().isInstanceOfSatisfying(OrganisationUpdated.class,
				event -> {
					assertThat(event.organisationId()).isEqualTo("org-kk");
					assertThat(event.name()).isEqualTo("Kulturen kolektiv");
					assertThat(event.kind()).isEqualTo("network");
					assertThat(event.country()).isEqualTo("MK");
					assertThat(event.changedFields()).containsExactly("name", "kind", "contactEmail");
					assertThat(event.updatedAt()).isEqualTo(NOW);
					assertThat(new String(EventJson.write(event))).doesNotContain("@").doesNotContain("example.org");
				});
	}

	@Test
	void aCorrectionToTheSameValuesRecordsNothing() {
		Organisation organisation = anOrganisation();

		boolean changed = organisation.change(organisation.getName(), organisation.getKind(),
				organisation.getWebsite(), organisation.getContactEmail(), NOW);

		assertThat(changed).isFalse();
		assertThat(organisation.getUpdatedAt()).isNull();
		assertThat(organisation.recordedEvents()).singleElement().isInstanceOf(OrganisationRegistered.class);
	}

	@Test
	void removingTheWebsiteIsAChange() {
		Organisation organisation = anOrganisation();

		assertThat(organisation.change(organisation.getName(), organisation.getKind(), null,
				organisation.getContactEmail(), NOW)).isTrue();

		assertThat(organisation.getWebsite()).isNull();
		assertThat(((OrganisationUpdated) organisation.recordedEvents().get(1)).changedFields())
			.containsExactly("website");
	}

	private static Organisation anOrganisation() {
		return Organisation.register("org-kk",
				new OrganisationForm("org-kk", "Kulturen kolektiv Skopje", "MK", "ngo", "https://kk.example.org",
						"office@kk.example.org"), REGISTERED);
	}

}
