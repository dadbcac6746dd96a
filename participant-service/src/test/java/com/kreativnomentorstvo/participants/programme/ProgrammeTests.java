package com.kreativnomentorstvo.participants.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;

/** A programme's settings, what it announces when they change, and the dates and stewards it answers for. */
class ProgrammeTests {

	private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

	private static final MatchingPolicy POLICY = new MatchingPolicy(Map.of(), false, "PREFER", 2, 7, false);

	@Test
	void aNewProgrammeIsAnnouncedWithItsMilestonesInDateOrder() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Regional Lab",
				List.of(new Milestone("closing", LocalDate.of(2027, 7, 1)), new Milestone("kick-off",
						LocalDate.of(2027, 2, 1)))), NOW);

		assertThat(programme.getMilestones()).extracting(Milestone::kind).containsExactly("kick-off", "closing");
		assertThat(programme.recordedEvents()).singleElement().isInstanceOfSatisfying(ProgrammeCreated.class,
				created -> {
					assertThat(created.programme().programmeId()).isEqualTo("prog-1");
					assertThat(created.programme().organiserId()).isEqualTo("org-organiser");
					assertThat(created.programme().milestones()).extracting(Milestone::kind)
						.containsExactly("kick-off", "closing");
				});
	}

	@Test
	void aRevisionIsAnnouncedOnlyWhenSomethingChanged() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Regional Lab", List.of()), NOW);

		assertThat(programme.revise(draft("Regional Lab", List.of()), NOW.plusSeconds(60))).isFalse();
		assertThat(programme.revise(draft("Regional Lab 2027", List.of()), NOW.plusSeconds(120))).isTrue();

		assertThat(programme.getName()).isEqualTo("Regional Lab 2027");
		assertThat(programme.getUpdatedAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(programme.recordedEvents()).hasSize(2).last().isInstanceOfSatisfying(ProgrammeUpdated.class,
				updated -> assertThat(updated.programme().name()).isEqualTo("Regional Lab 2027"));
	}

	@Test
	void milestonesInAnotherOrderAreNoChange() {
		Milestone kickOff = new Milestone("kick-off", LocalDate.of(2027, 2, 1));
		Milestone closing = new Milestone("closing", LocalDate.of(2027, 7, 1));
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of(kickOff, closing)), NOW);

		assertThat(programme.revise(draft("Lab", List.of(closing, kickOff)), NOW)).isFalse();
		assertThat(programme.recordedEvents()).hasSize(1);
	}

	@Test
	void theCallChangesWithoutAnnouncingAnything() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		Call call = new Call(Map.of("en", new Call.Text("Six months of mentoring", null, "Cultural NGOs")), List.of());

		assertThat(programme.getCall()).isEqualTo(Call.EMPTY);
		assertThat(programme.publishCall(call, NOW.plusSeconds(60))).isTrue();
		assertThat(programme.publishCall(call, NOW.plusSeconds(120))).as("the same call again").isFalse();

		assertThat(programme.getCall()).isEqualTo(call);
		assertThat(programme.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(programme.recordedEvents()).singleElement().isInstanceOf(ProgrammeCreated.class);
	}

	@Test
	void aParticipantsStewardIsHerOrganisationIfItTakesPartElseTheOrganiser() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);

		assertThat(programme.organisationIds()).containsExactly("org-organiser", "org-partner");
		assertThat(programme.stewardOf("org-partner")).isEqualTo("org-partner");
		assertThat(programme.stewardOf("org-organiser")).isEqualTo("org-organiser");
		assertThat(programme.stewardOf("org-outside")).isEqualTo("org-organiser");
		assertThat(programme.stewardOf(null)).isEqualTo("org-organiser");
	}

	@Test
	void enrolmentIsOpenOnItsFirstAndLastDayInTheProgrammesTimeZone() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);

		// Belgrade is an hour ahead of UTC in winter
		assertThat(programme.isOpenForEnrolment(Instant.parse("2027-01-14T22:59:00Z"))).isFalse();
		assertThat(programme.isOpenForEnrolment(Instant.parse("2027-01-14T23:00:00Z"))).isTrue();
		assertThat(programme.isOpenForEnrolment(Instant.parse("2027-01-31T22:59:00Z"))).isTrue();
		assertThat(programme.isOpenForEnrolment(Instant.parse("2027-01-31T23:00:00Z"))).isFalse();
	}

	@Test
	void itHasStartedFromItsFirstDayInItsTimeZone() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);

		assertThat(programme.hasStarted(Instant.parse("2027-01-31T22:59:00Z"))).isFalse();
		assertThat(programme.hasStarted(Instant.parse("2027-01-31T23:00:00Z"))).isTrue();
	}

	private static ProgrammeDraft draft(String name, List<Milestone> milestones) {
		return new ProgrammeDraft(name, List.of("org-partner"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 7, 31),
				"Europe/Belgrade", List.of("en", "sr-Latn"), milestones, LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 1, 31), List.of("digital-tools"), POLICY, null);
	}

}
