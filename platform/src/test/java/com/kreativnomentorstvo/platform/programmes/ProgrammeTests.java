package com.kreativnomentorstvo.platform.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeDetails;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.security.Caller.Role;

class ProgrammeTests {

	@Test
	void theOrganiserAndThePartnersAreTheProgrammesOrganisations() {
		Programme programme = programme("org-a", Arrays.asList("org-b", null, "org-a", "org-c"), "Europe/Belgrade",
				List.of());

		assertThat(programme.organisations()).containsExactly("org-a", "org-b", "org-c");
		assertThat(programme("org-a", null, null, null).organisations()).containsExactly("org-a");
		assertThat(programme("org-a", null, null, null).partnerIds()).isEmpty();
		assertThat(programme("org-a", null, null, null).languages()).isEmpty();
	}

	@Test
	void onlyAdminsAndCoordinatorsOfItsOrganisationsCoordinateAProgramme() {
		Programme programme = programme("org-a", List.of("org-b"), null, List.of());

		assertThat(programme.coordinatedBy(caller("org-a", Role.COORDINATOR))).isTrue();
		assertThat(programme.coordinatedBy(caller("org-b", Role.COORDINATOR))).isTrue();
		assertThat(programme.coordinatedBy(caller("org-z", Role.ADMIN))).isTrue();
		assertThat(programme.coordinatedBy(caller("org-z", Role.COORDINATOR))).isFalse();
		assertThat(programme.coordinatedBy(caller("org-a", Role.MENTOR))).isFalse();
		assertThat(programme.coordinatedBy(caller(null, Role.COORDINATOR))).isFalse();
	}

	@Test
	void theTimeZoneIsOnlyGivenWhenItIsAValidOne() {
		assertThat(programme("org-a", null, "Europe/Skopje", null).zone()).contains(ZoneId.of("Europe/Skopje"));
		assertThat(programme("org-a", null, "Mars/Olympus", null).zone()).isEmpty();
		assertThat(programme("org-a", null, " ", null).zone()).isEmpty();
		assertThat(programme("org-a", null, null, null).zone()).isEmpty();
		assertThat(programme("org-a", null, "Mars/Olympus", null).timeZone()).isEqualTo("Mars/Olympus");
	}

	@Test
	void aMilestoneIsTheFirstDatedOneOfItsKindInAnyCase() {
		Programme programme = programme("org-a", null, null, Arrays.asList(null, new Milestone("MIDTERM", null),
				new Milestone("Midterm", LocalDate.of(2026, 6, 1)), new Milestone("MIDTERM", LocalDate.of(2026, 6, 8))));

		assertThat(programme.milestone("midterm")).contains(LocalDate.of(2026, 6, 1));
		assertThat(programme.milestone("FINAL")).isEmpty();
		assertThat(programme("org-a", null, null, null).milestone("MIDTERM")).isEmpty();
		assertThat(programme("org-a", null, null, null).matchingPolicy()).isEmpty();
	}

	private static Programme programme(String organiser, List<String> partners, String zone, List<Milestone> milestones) {
		return new Programme("p-1", new ProgrammeDetails("p-1", organiser, partners, "Reg. Lab", null, null, zone, null,
				milestones, null, null, null, null), 0);
	}

	private static Caller caller(String organisation, Role role) {
		return new Caller("someone", organisation, Set.of(role), null);
	}

}
