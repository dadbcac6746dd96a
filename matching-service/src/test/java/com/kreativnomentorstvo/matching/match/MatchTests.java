package com.kreativnomentorstvo.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;

import com.kreativnomentorstvo.events.MentoringEvent;
import com.kreativnomentorstvo.events.matching.Contribution;
import com.kreativnomentorstvo.events.matching.MatchAccepted;
import com.kreativnomentorstvo.events.matching.MatchDeclined;
import com.kreativnomentorstvo.events.matching.MatchExpired;
import com.kreativnomentorstvo.events.matching.MatchProposed;
import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.matching.MentorshipStarted;
import com.kreativnomentorstvo.matching.scoring.Criterion;
import com.kreativnomentorstvo.matching.scoring.CriterionPoints;
import com.kreativnomentorstvo.matching.scoring.Explanation;
import com.kreativnomentorstvo.platform.security.Caller;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;

/** Every transition of a match and every refusal, with the events each records. */
class MatchTests {

	private static final Instant NOW = Instant.parse("2027-02-01T09:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));

	private static final String MENTOR = "p-mentor";

	private static final String MENTEE = "p-mentee";

	private static final Explanation EXPLANATION = new Explanation(8450,
			List.of(new CriterionPoints(Criterion.GOALS, 4000, 4000, "Every goal of hers is a skill of his", List.of()),
					new CriterionPoints(Criterion.COUNTRY, 4450, 6000, "Neighbouring countries", List.of())),
			List.of("shared-language"));

	@Test
	void aProposalOfARunHoldsBothPlacesAndTellsItsScoreInPoints() {
		Match match = proposed(Origin.RUN);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(match.isMentorPlaceHeld()).isTrue();
		assertThat(match.needsMenteePlace()).isTrue();
		assertThat(match.needsMentorPlace()).isTrue();
		assertThat(match.recordedEvents()).singleElement().isInstanceOfSatisfying(MatchProposed.class, proposed -> {
			assertThat(proposed.score()).isEqualTo(84.5);
			assertThat(proposed.contributions()).containsExactly(
					new Contribution("goals", 40.0, "Every goal of hers is a skill of his"),
					new Contribution("country", 44.5, "Neighbouring countries"));
			assertThat(proposed.origin()).isEqualTo("RUN");
			assertThat(proposed.respondBy()).isEqualTo(DEADLINE);
		});
	}

	@Test
	void theFirstAcceptKeepsItOpenAndTheSecondStartsTheMentorship() {
		Match match = proposed(Origin.MANUAL);

		match.accept(MENTEE, NOW.plusSeconds(60));
		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		match.accept(MENTOR, NOW.plusSeconds(120));

		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACTIVE);
		assertThat(match.getMentorshipId()).startsWith("mentorship-");
		assertThat(match.getStartedAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(types(match)).containsExactly(MatchProposed.class, MatchAccepted.class, MatchAccepted.class,
				MentorshipStarted.class);
		assertThat(match.recordedEvents().get(3)).isInstanceOfSatisfying(MentorshipStarted.class,
				started -> assertThat(started.mentorshipId()).isEqualTo(match.getMentorshipId()));
	}

	@Test
	void acceptingAgainChangesNothingBeforeOrAfterTheStart() {
		Match match = proposed(Origin.RUN);
		match.accept(MENTEE, NOW);
		match.accept(MENTEE, NOW.plusSeconds(1));
		assertThat(types(match)).containsExactly(MatchProposed.class, MatchAccepted.class);

		match.accept(MENTOR, NOW.plusSeconds(2));
		match.accept(MENTOR, DEADLINE.plusSeconds(1));
		match.accept(MENTEE, DEADLINE.plusSeconds(1));

		assertThat(types(match)).containsExactly(MatchProposed.class, MatchAccepted.class, MatchAccepted.class,
				MentorshipStarted.class);
		assertThat(match.getMenteeAcceptedAt()).isEqualTo(NOW);
	}

	@Test
	void aMenteesRequestIsHerAcceptAndWaitsForAPlaceOfTheMentor() {
		Match match = proposed(Origin.SELF_MATCH);

		assertThat(match.getMenteeAcceptedAt()).isEqualTo(NOW);
		assertThat(match.isMentorPlaceHeld()).isFalse();
		assertThat(match.needsMentorPlace()).isFalse();
		assertThat(types(match)).containsExactly(MatchProposed.class, MatchAccepted.class);
		assertThatThrownBy(() -> match.accept(MENTOR, NOW.plusSeconds(60))).isInstanceOf(IllegalStateException.class);

		Match granted = proposed(Origin.SELF_MATCH);
		granted.mentorPlaceTaken();
		granted.accept(MENTOR, NOW.plusSeconds(60));
		assertThat(granted.getStatus()).isEqualTo(MatchStatus.ACTIVE);
		assertThat(granted.needsMentorPlace()).isTrue();
	}

	@Test
	void aPairMatchedByHandWithBothAgreeingStartsAtOnce() {
		Match match = Match.startDirectly("match-1", "prog-1", "org-1", MENTOR, MENTEE, EXPLANATION, NOW);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACTIVE);
		assertThat(match.getOrigin()).isEqualTo(Origin.MANUAL);
		assertThat(match.getMentorAcceptedAt()).isEqualTo(NOW).isEqualTo(match.getMenteeAcceptedAt());
		assertThat(types(match)).containsExactly(MentorshipStarted.class);
	}

	@Test
	void aDeclineClosesItWithTheReasonAndWhoDeclined() {
		Match match = proposed(Origin.RUN);

		match.decline(MENTOR, DeclineReason.NO_TIME, NOW.plusSeconds(60));

		assertThat(match.getStatus()).isEqualTo(MatchStatus.DECLINED);
		assertThat(match.getDeclinedBy()).isEqualTo(MENTOR);
		assertThat(match.getClosedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(match.needsMenteePlace()).isFalse();
		assertThat(match.needsMentorPlace()).isFalse();
		assertThat(match.recordedEvents().get(1)).isInstanceOfSatisfying(MatchDeclined.class, declined -> {
			assertThat(declined.declinedBy()).isEqualTo(MENTOR);
			assertThat(declined.reason()).isEqualTo("NO_TIME");
		});
	}

	@Test
	void aClosedProposalCanNeitherBeAcceptedNorDeclined() {
		Match match = proposed(Origin.RUN);
		match.decline(MENTEE, DeclineReason.NOT_A_FIT, NOW);

		assertConflict(() -> match.accept(MENTOR, NOW), "not-open");
		assertConflict(() -> match.decline(MENTOR, DeclineReason.OTHER, NOW), "not-open");
		assertThat(types(match)).containsExactly(MatchProposed.class, MatchDeclined.class);
	}

	@Test
	void pastItsDeadlineAProposalCanNeitherBeAcceptedNorDeclined() {
		Match match = proposed(Origin.RUN);

		assertConflict(() -> match.accept(MENTEE, DEADLINE.plusSeconds(1)), "response-deadline-passed");
		assertConflict(() -> match.decline(MENTEE, DeclineReason.OTHER, DEADLINE.plusSeconds(1)),
				"response-deadline-passed");
		assertThat(match.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(types(match)).containsExactly(MatchProposed.class);
	}

	@Test
	void aProposalExpiresAtItsDeadlineNotBeforeAndOnlyOnce() {
		Match match = proposed(Origin.RUN);

		assertThat(match.expire(DEADLINE.minusSeconds(1))).isFalse();
		assertThat(match.expire(DEADLINE)).isTrue();
		assertThat(match.expire(DEADLINE.plusSeconds(60))).isFalse();

		assertThat(match.getStatus()).isEqualTo(MatchStatus.EXPIRED);
		assertThat(types(match)).containsExactly(MatchProposed.class, MatchExpired.class);
	}

	@ParameterizedTest
	@EnumSource(value = MatchStatus.class, names = { "ACTIVE", "DECLINED" })
	void onlyAnOpenProposalExpires(MatchStatus status) {
		Match match = in(status);
		int before = match.recordedEvents().size();

		assertThat(match.expire(DEADLINE.plus(Duration.ofDays(30)))).isFalse();
		assertThat(match.getStatus()).isEqualTo(status);
		assertThat(match.recordedEvents()).hasSize(before);
	}

	@Test
	void aMentorshipEndsWithItsReasonOnce() {
		Match match = in(MatchStatus.ACTIVE);

		match.end(EndReason.COMPLETED, NOW.plus(Duration.ofDays(180)));

		assertThat(match.getStatus()).isEqualTo(MatchStatus.ENDED);
		assertThat(match.getEndReason()).isEqualTo(EndReason.COMPLETED);
		assertThat(match.needsMenteePlace()).isFalse();
		assertThat(match.needsMentorPlace()).isFalse();
		assertThat(last(match)).isInstanceOfSatisfying(MentorshipEnded.class, ended -> {
			assertThat(ended.mentorshipId()).isEqualTo(match.getMentorshipId());
			assertThat(ended.reason()).isEqualTo("COMPLETED");
		});
		assertConflict(() -> match.end(EndReason.COMPLETED, NOW), "not-active");
	}

	@Test
	void onlyARunningMentorshipCanEnd() {
		assertConflict(() -> proposed(Origin.RUN).end(EndReason.ENDED_BY_COORDINATOR, NOW), "not-active");
	}

	@Test
	void whenOneOfThemLeavesAnOpenProposalIsCancelledOnHerBehalf() {
		Match match = proposed(Origin.RUN);

		match.participantLeft(MENTEE, false, NOW.plusSeconds(60));

		assertThat(match.getStatus()).isEqualTo(MatchStatus.CANCELLED);
		assertThat(match.getDeclinedBy()).isEqualTo(MENTEE);
		assertThat(match.getDeclineReason()).isEqualTo(DeclineReason.OTHER);
		assertThat(last(match)).isInstanceOfSatisfying(MatchDeclined.class,
				declined -> assertThat(declined.reason()).isEqualTo("OTHER"));
	}

	@Test
	void whenOneOfThemLeavesOrIsErasedARunningMentorshipEndsSayingWhich() {
		Match withdrawn = in(MatchStatus.ACTIVE);
		Match erased = in(MatchStatus.ACTIVE);

		withdrawn.participantLeft(MENTOR, false, NOW);
		erased.participantLeft(MENTEE, true, NOW);

		assertThat(withdrawn.getEndReason()).isEqualTo(EndReason.PARTICIPANT_WITHDRAWN);
		assertThat(erased.getEndReason()).isEqualTo(EndReason.PARTICIPANT_ERASED);
		assertThat(last(erased)).isInstanceOf(MentorshipEnded.class);
	}

	@Test
	void aClosedMatchIsLeftAsItIsWhenOneOfThemLeaves() {
		Match match = in(MatchStatus.DECLINED);
		int before = match.recordedEvents().size();

		match.participantLeft(MENTOR, true, NOW);

		assertThat(match.getStatus()).isEqualTo(MatchStatus.DECLINED);
		assertThat(match.recordedEvents()).hasSize(before);
	}

	@Test
	void withoutAChoiceTheDeadlineIsThePolicysNumberOfDaysAway() {
		assertThat(Match.deadline(null, NOW, 7)).isEqualTo(NOW.plus(Duration.ofDays(7)));
	}

	@Test
	void aCoordinatorsDeadlineMustBeInTheFutureAndWithinNinetyDays() {
		Instant chosen = NOW.plus(Duration.ofDays(3)).plusNanos(123_456_789);

		assertThat(Match.deadline(chosen, NOW, 7)).isEqualTo(NOW.plus(Duration.ofDays(3)).plusMillis(123));
		assertThat(Match.deadline(NOW.plus(Duration.ofDays(90)), NOW, 7)).isEqualTo(NOW.plus(Duration.ofDays(90)));
		assertInvalid(() -> Match.deadline(NOW, NOW, 7), "respondBy");
		assertInvalid(() -> Match.deadline(NOW.minusSeconds(1), NOW, 7), "respondBy");
		assertInvalid(() -> Match.deadline(NOW.plus(Duration.ofDays(90)).plusSeconds(1), NOW, 7), "respondBy");
	}

	@Test
	void theMentorOrTheMenteeAnswersAsWhicheverOfHerEnrolmentsIsOneOfThem() {
		Match match = proposed(Origin.RUN);

		assertThat(match.answerer(participant(MENTEE, "p-her-mentor-enrolment-elsewhere"))).isEqualTo(MENTEE);
		assertThat(match.answerer(participant(MENTOR))).isEqualTo(MENTOR);
		assertThatThrownBy(() -> match.answerer(participant("p-someone-else")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> match.answerer(new Caller("coordinator", "org-1", Set.of(Caller.Role.COORDINATOR),
				Set.of()))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void onlyTheMentorsAcceptOfARequestNeedsOneOfHerPlacesFirst() {
		Match request = proposed(Origin.SELF_MATCH);
		Match proposal = proposed(Origin.RUN);

		assertThat(request.waitsForMentorPlace()).isTrue();
		assertThat(request.needsMentorPlaceToBeAcceptedBy(MENTOR)).isTrue();
		assertThat(request.needsMentorPlaceToBeAcceptedBy(MENTEE)).isFalse();
		assertThat(proposal.needsMentorPlaceToBeAcceptedBy(MENTOR)).isFalse();
		request.mentorPlaceTaken();
		assertThat(request.waitsForMentorPlace()).isFalse();
		assertThat(request.needsMentorPlaceToBeAcceptedBy(MENTOR)).isFalse();
	}

	@Test
	void aRequestStillWaitingForAPlaceOfAFullMentorIsDeclinedForHer() {
		Match request = proposed(Origin.SELF_MATCH);

		request.mentorFull(NOW.plusSeconds(60));

		assertThat(request.getStatus()).isEqualTo(MatchStatus.DECLINED);
		assertThat(request.getDeclinedBy()).isEqualTo(MENTOR);
		assertThat(request.getDeclineReason()).isEqualTo(DeclineReason.NO_TIME);
		assertThat(request.needsMenteePlace()).isFalse();
		assertThat(last(request)).isInstanceOf(MatchDeclined.class);
	}

	@Test
	void aFullMentorLeavesHerProposalsAndGrantedRequestsAsTheyAre() {
		Match proposal = proposed(Origin.RUN);
		Match granted = proposed(Origin.SELF_MATCH);
		granted.mentorPlaceTaken();
		int before = granted.recordedEvents().size();

		proposal.mentorFull(NOW);
		granted.mentorFull(NOW);

		assertThat(proposal.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(granted.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(granted.recordedEvents()).hasSize(before);
	}

	@ParameterizedTest
	@EnumSource(value = EndReason.class, names = { "PARTICIPANT_WITHDRAWN", "PARTICIPANT_ERASED" })
	void aRunnerCannotEndAMentorshipWithTheReasonOfADeparture(EndReason reason) {
		Match match = in(MatchStatus.ACTIVE);

		assertInvalid(() -> match.end(reason, NOW), "reason");
		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACTIVE);
	}

	@Test
	void itNeedsThePlacesOfBothWhileOpenOrRunningAndOfTheMentorOnlyOnceSheHoldsOne() {
		Match request = proposed(Origin.SELF_MATCH);
		Match running = in(MatchStatus.ACTIVE);
		Match declined = in(MatchStatus.DECLINED);

		assertThat(request.needsPlaceOf(MENTEE)).isTrue();
		assertThat(request.needsPlaceOf(MENTOR)).isFalse();
		assertThat(running.needsPlaceOf(MENTEE)).isTrue();
		assertThat(running.needsPlaceOf(MENTOR)).isTrue();
		assertThat(declined.needsPlaceOf(MENTEE)).isFalse();
		assertThat(declined.needsPlaceOf(MENTOR)).isFalse();
	}

	@Test
	void aRunsProposalToAMenteeHasTheSameIdEveryTimeTheRunIsPublished() {
		assertThat(Match.idOfRunProposal("run-1", MENTEE)).isEqualTo(Match.idOfRunProposal("run-1", MENTEE))
			.isNotEqualTo(Match.idOfRunProposal("run-2", MENTEE))
			.isNotEqualTo(Match.idOfRunProposal("run-1", "p-other-mentee"))
			.startsWith("match-");
		assertThat(Match.newId()).isNotEqualTo(Match.newId()).startsWith("match-");
	}

	@Test
	void itKnowsItsTwoMembers() {
		Match match = proposed(Origin.RUN);

		assertThat(match.members()).containsExactly(MENTOR, MENTEE);
		assertThat(match.involves(MENTEE)).isTrue();
		assertThat(match.involves("p-someone-else")).isFalse();
		assertThat(match.involves(null)).isFalse();
	}

	@Test
	void aClosedProgrammeCompletesARunningMentorshipOnce() {
		Match match = in(MatchStatus.ACTIVE);

		assertThat(match.programmeClosed(NOW.plusSeconds(60))).isTrue();
		assertThat(match.programmeClosed(NOW.plusSeconds(120))).as("a repeated close").isFalse();

		assertThat(match.getStatus()).isEqualTo(MatchStatus.ENDED);
		assertThat(match.getEndReason()).isEqualTo(EndReason.COMPLETED);
		assertThat(types(match)).containsOnlyOnce(MentorshipEnded.class);
		assertThat(last(match)).isInstanceOfSatisfying(MentorshipEnded.class, ended -> {
			assertThat(ended.reason()).isEqualTo("COMPLETED");
			assertThat(ended.endedAt()).isEqualTo(NOW.plusSeconds(60));
		});
	}

	@Test
	void aClosedProgrammeLeavesProposalsAndEndedMatchesAsTheyAre() {
		Match proposal = proposed(Origin.RUN);
		Match declined = in(MatchStatus.DECLINED);

		assertThat(proposal.programmeClosed(NOW)).isFalse();
		assertThat(declined.programmeClosed(NOW)).isFalse();
		assertThat(proposal.getStatus()).isEqualTo(MatchStatus.PROPOSED);
		assertThat(types(proposal)).containsExactly(MatchProposed.class);
	}

	@Test
	void anExtendedMentorshipOutlivesTheCloseAndEndsOnItsDay() {
		Match match = in(MatchStatus.ACTIVE);
		java.time.LocalDate until = java.time.LocalDate.of(2027, 9, 30);
		match.extendUntil(until);

		assertThat(match.programmeClosed(NOW)).isFalse();
		assertThat(match.extensionRanOut(until.minusDays(1), NOW)).isFalse();
		assertThat(match.getStatus()).isEqualTo(MatchStatus.ACTIVE);
		assertThat(match.extensionRanOut(until, NOW.plusSeconds(60))).isTrue();
		assertThat(match.extensionRanOut(until.plusDays(1), NOW.plusSeconds(120))).as("once").isFalse();

		assertThat(match.getEndReason()).isEqualTo(EndReason.COMPLETED);
		assertThat(types(match)).containsOnlyOnce(MentorshipEnded.class);
	}

	@Test
	void onlyARunningMentorshipCanBeExtendedAndAnUnextendedOneDoesNotRunOut() {
		Match proposal = proposed(Origin.RUN);
		Match running = in(MatchStatus.ACTIVE);

		assertThatThrownBy(() -> proposal.extendUntil(java.time.LocalDate.of(2027, 9, 30)))
			.isInstanceOf(ConflictException.class);
		assertThat(proposal.getExtendedUntil()).isNull();
		assertThat(running.extensionRanOut(java.time.LocalDate.of(2030, 1, 1), NOW)).isFalse();
	}

	private static Match proposed(Origin origin) {
		return Match.propose("match-1", "prog-1", "org-1", origin, origin == Origin.RUN ? "run-1" : null, MENTOR,
				MENTEE, EXPLANATION, DEADLINE, NOW);
	}

	private static Match in(MatchStatus status) {
		Match match = proposed(Origin.RUN);
		switch (status) {
			case ACTIVE -> {
				match.accept(MENTOR, NOW);
				match.accept(MENTEE, NOW);
			}
			case DECLINED -> match.decline(MENTOR, DeclineReason.OTHER, NOW);
			default -> throw new IllegalArgumentException(status.name());
		}
		return match;
	}

	private static MentoringEvent last(Match match) {
		List<MentoringEvent> events = match.recordedEvents();
		return events.get(events.size() - 1);
	}

	private static List<Class<? extends MentoringEvent>> types(Match match) {
		return match.recordedEvents().stream().<Class<? extends MentoringEvent>>map(MentoringEvent::getClass).toList();
	}

	private static Caller participant(String... enrolments) {
		return new Caller("account-1", null, Set.of(Caller.Role.MENTEE), Set.of(enrolments));
	}

	private static void assertInvalid(ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldsException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidFieldsException.FieldProblem::field)
					.containsExactly(field));
	}

	private static void assertConflict(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
				conflict -> assertThat(conflict.code()).isEqualTo(code));
	}

}
