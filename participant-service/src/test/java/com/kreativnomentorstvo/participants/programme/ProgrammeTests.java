package com.kreativnomentorstvo.participants.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.ProgrammeStatus;
import com.kreativnomentorstvo.events.participants.ProgrammeStatusChanged;
import com.kreativnomentorstvo.platform.web.ConflictException;

import com.kreativnomentorstvo.events.participants.MatchingPolicy;
import com.kreativnomentorstvo.events.participants.Milestone;
import com.kreativnomentorstvo.events.participants.ProgrammeCreated;
import com.kreativnomentorstvo.events.participants.ProgrammeUpdated;

/** A programme's settings, what it announces when they change, and the dates and stewards it answers for. */
class ProgrammeTests {

	private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

	/** Within the enrolment window. */
	private static final Instant JAN_20 = Instant.parse("2027-01-20T09:00:00Z");

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

	@Test
	void aNewProgrammeStartsWithTheStatusItsDatesGive() {
		Programme draft = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		Programme open = Programme.create("prog-2", "org-organiser", draft("Lab", List.of()), JAN_20);

		assertThat(draft.getStatus()).isEqualTo(ProgrammeStatus.DRAFT);
		assertThat(open.getStatus()).isEqualTo(ProgrammeStatus.OPEN);
		assertThat(((ProgrammeCreated) open.recordedEvents().get(0)).programme().status()).isEqualTo(ProgrammeStatus.OPEN);
	}

	@Test
	void aCoordinatorsMoveIsAnnouncedWithTheNewStateAndThenTheMove() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), JAN_20);

		assertThat(programme.moveTo(ProgrammeStatus.RUNNING, "All places taken", JAN_20.plusSeconds(60), 14)).isTrue();

		assertThat(programme.getStatus()).isEqualTo(ProgrammeStatus.RUNNING);
		assertThat(programme.getStatusReason()).isEqualTo("All places taken");
		assertThat(programme.recordedEvents()).hasSize(3);
		assertThat(programme.recordedEvents().get(1)).isInstanceOfSatisfying(ProgrammeUpdated.class,
				updated -> assertThat(updated.programme().status()).isEqualTo(ProgrammeStatus.RUNNING));
		assertThat(programme.recordedEvents().get(2)).isEqualTo(new ProgrammeStatusChanged("prog-1", "org-organiser",
				ProgrammeStatus.OPEN, ProgrammeStatus.RUNNING, "COORDINATOR", JAN_20.plusSeconds(60)));
		assertThat(programme.isOpenForEnrolment(JAN_20.plusSeconds(120))).as("applications end with OPEN").isFalse();
	}

	@Test
	void aRefusedMoveNamesTheStatusAndChangesNothing() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), JAN_20);
		programme.moveTo(ProgrammeStatus.RUNNING, null, JAN_20, 14);

		assertThatThrownBy(() -> programme.moveTo(ProgrammeStatus.OPEN, null, JAN_20, 14))
			.isInstanceOfSatisfying(ConflictException.class,
					refused -> assertThat(refused.fields()).extracting(f -> f.field()).containsExactly("status"));
		assertThatThrownBy(() -> programme.moveTo(ProgrammeStatus.ARCHIVED, null, JAN_20, 14))
			.isInstanceOf(ConflictException.class);
		assertThat(programme.getStatus()).isEqualTo(ProgrammeStatus.RUNNING);
		assertThat(programme.recordedEvents()).hasSize(3);
		assertThat(programme.moveTo(ProgrammeStatus.RUNNING, null, JAN_20, 14)).as("the status it has").isFalse();
	}

	@Test
	void theDatesMoveItOnOnceAndAnnounceIt() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		Instant august = Instant.parse("2027-08-01T09:00:00Z");

		assertThat(programme.isBehindItsDates(NOW, 14)).isFalse();
		assertThat(programme.followDates(august, 14)).isTrue();
		assertThat(programme.followDates(august, 14)).as("once").isFalse();

		assertThat(programme.getStatus()).isEqualTo(ProgrammeStatus.CLOSED);
		assertThat(programme.recordedEvents()).last().isEqualTo(new ProgrammeStatusChanged("prog-1", "org-organiser",
				ProgrammeStatus.DRAFT, ProgrammeStatus.CLOSED, "DATES", august));
	}

	@Test
	void aClosingProgrammeWhoseEndMovesOutRunsAgain() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		Instant july20 = Instant.parse("2027-07-20T09:00:00Z");
		programme.followDates(july20, 14);
		assertThat(programme.getStatus()).isEqualTo(ProgrammeStatus.CLOSING);
		assertThatThrownBy(() -> programme.moveTo(ProgrammeStatus.RUNNING, null, july20, 14))
			.as("not while its dates make it CLOSING")
			.isInstanceOf(ConflictException.class);

		ProgrammeDraft extended = new ProgrammeDraft("Lab", List.of("org-partner"), LocalDate.of(2027, 2, 1),
				LocalDate.of(2027, 9, 30), "Europe/Belgrade", List.of("en", "sr-Latn"), List.of(),
				LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 31), List.of("digital-tools"), POLICY, null);
		assertThat(programme.revise(extended, july20, 14)).isTrue();

		assertThat(programme.getStatus()).isEqualTo(ProgrammeStatus.RUNNING);
		assertThat(programme.recordedEvents()).last().isInstanceOfSatisfying(ProgrammeStatusChanged.class,
				moved -> assertThat(moved.to()).isEqualTo(ProgrammeStatus.RUNNING));
	}

	@Test
	void anArchivedProgrammeRefusesEditsNamingTheStatus() {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		Instant august = Instant.parse("2027-08-01T09:00:00Z");
		programme.followDates(august, 14);
		programme.moveTo(ProgrammeStatus.ARCHIVED, null, august, 14);
		int events = programme.recordedEvents().size();

		assertThatThrownBy(() -> programme.revise(draft("Lab renamed", List.of()), august)).isInstanceOfSatisfying(
				ConflictException.class, refused -> assertThat(refused.fields()).extracting(f -> f.field())
					.containsExactly("status"));
		assertThatThrownBy(() -> programme.publishCall(Call.EMPTY, august)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> programme.moveTo(ProgrammeStatus.CLOSED, null, august, 14))
			.isInstanceOf(ConflictException.class);
		assertThat(programme.getName()).isEqualTo("Lab");
		assertThat(programme.recordedEvents()).hasSize(events);
	}

	@Test
	void aProgrammeStoredBeforeStatusesReadsAsItsDatesGiveAndIsAnnouncedOnce() throws Exception {
		Programme programme = Programme.create("prog-1", "org-organiser", draft("Lab", List.of()), NOW);
		var field = Programme.class.getDeclaredField("status");
		field.setAccessible(true);
		field.set(programme, null);

		assertThat(programme.statusAt(JAN_20, 14)).isEqualTo(ProgrammeStatus.OPEN);
		assertThat(programme.isOpenForEnrolment(JAN_20)).isTrue();
		assertThat(programme.followDates(JAN_20, 14)).isTrue();
		assertThat(programme.recordedEvents()).last().isEqualTo(new ProgrammeStatusChanged("prog-1", "org-organiser",
				null, ProgrammeStatus.OPEN, "DATES", JAN_20));
	}

	@Test
	void theNextCycleKeepsTheSettingsAndCallAndMovesEveryDateByTheNewStart() {
		Programme previous = Programme.create("prog-1", "org-organiser", draft("Lab 2027",
				List.of(new Milestone("KICK_OFF", LocalDate.of(2027, 2, 1)), new Milestone("MIDTERM",
						LocalDate.of(2027, 5, 3)))), NOW);
		Call call = new Call(Map.of("en", new Call.Text("Six months of mentoring", null, "Cultural NGOs")), List.of());
		previous.publishCall(call, NOW);

		Programme next = previous.nextCycle("prog-2", LocalDate.of(2028, 2, 7), "Lab 2028", Map.of("sl", "Lab 2028 sl"),
				NOW, StatusRules.DEFAULT_CLOSING_DAYS);

		assertThat(next.getPreviousCycleId()).isEqualTo("prog-1");
		assertThat(next.getOrganiserId()).isEqualTo("org-organiser");
		assertThat(next.getPartnerIds()).containsExactly("org-partner");
		assertThat(next.getCall()).isEqualTo(call);
		assertThat(next.getNames()).containsEntry("sl", "Lab 2028 sl");
		// 2027-02-01 to 2028-02-07 is 371 days
		assertThat(next.getEndsOn()).isEqualTo(LocalDate.of(2027, 7, 31).plusDays(371));
		assertThat(next.getEnrolmentOpensOn()).isEqualTo(LocalDate.of(2027, 1, 15).plusDays(371));
		assertThat(next.getEnrolmentClosesOn()).isEqualTo(LocalDate.of(2027, 1, 31).plusDays(371));
		assertThat(next.getMilestones()).extracting(Milestone::date)
			.containsExactly(LocalDate.of(2028, 2, 7), LocalDate.of(2027, 5, 3).plusDays(371));
		assertThat(next.getStatus()).as("its enrolment opens in a year").isEqualTo(ProgrammeStatus.DRAFT);
		assertThat(next.recordedEvents()).singleElement().isInstanceOfSatisfying(ProgrammeCreated.class,
				created -> assertThat(created.programme().previousCycleId()).isEqualTo("prog-1"));
		assertThat(previous.recordedEvents()).as("the previous cycle announces nothing").hasSize(1);
	}

	private static ProgrammeDraft draft(String name, List<Milestone> milestones) {
		return new ProgrammeDraft(name, List.of("org-partner"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 7, 31),
				"Europe/Belgrade", List.of("en", "sr-Latn"), milestones, LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 1, 31), List.of("digital-tools"), POLICY, null);
	}

}
