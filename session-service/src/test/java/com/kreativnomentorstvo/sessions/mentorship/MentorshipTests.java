package com.kreativnomentorstvo.sessions.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.matching.MentorshipEnded;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.platform.web.ConflictException;
import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.LimitReached;
import com.kreativnomentorstvo.platform.web.ResourceNotFoundException;

/** A pair from its start to its end: roles, goals and check-ins, how many it may hold, and an erased author's texts. */
class MentorshipTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	@Test
	void aGoalPastTheLimitIsRefusedAndDroppedGoalsStillCount() {
		Mentorship pair = Pairs.aPair().build();
		Goal first = pair.addGoal(pair.getMenteeId(), "Grant", null, NOW, 2);
		pair.reviseGoal(first.getId(), null, null, Goal.Status.DROPPED);
		pair.addGoal(pair.getMentorId(), "Portfolio", null, NOW, 2);

		assertThatThrownBy(() -> pair.addGoal(pair.getMenteeId(), "Festival", null, NOW, 2))
			.isInstanceOfSatisfying(LimitReached.class, e -> {
				assertThat(e.code()).isEqualTo("limit-reached");
				assertThat(e.field()).isEqualTo("goals");
				assertThat(e.limit()).isEqualTo(2);
			});
		assertThat(pair.getGoals()).extracting(Goal::getTitle).containsExactly("Grant", "Portfolio");
	}

	@Test
	void checkInsAreCountedOverAllThePairsGoals() {
		Mentorship pair = Pairs.aPair().build();
		String grant = pair.addGoal(pair.getMenteeId(), "Grant", null, NOW, 10).getId();
		String portfolio = pair.addGoal(pair.getMenteeId(), "Portfolio", null, NOW, 10).getId();
		pair.checkIn(grant, pair.getMenteeId(), 20, "Draft", NOW, 3);
		pair.checkIn(portfolio, pair.getMenteeId(), 40, null, NOW, 3);
		pair.checkIn(grant, pair.getMentorId(), 50, "Budget", NOW, 3);

		assertThatThrownBy(() -> pair.checkIn(portfolio, pair.getMenteeId(), 60, null, NOW, 3))
			.isInstanceOfSatisfying(LimitReached.class, e -> assertThat(e.field()).isEqualTo("checkIns"));
		assertThat(pair.getGoals()).extracting(Goal::getProgress).containsExactly(50, 40);
	}

	@Test
	void aPairStartsActiveAndKnowsWhoIsWho() {
		Mentorship pair = Pairs.aPair().of("p-mentor", "p-mentee").build();

		assertThat(pair.isActive()).isTrue();
		assertThat(pair.members()).containsExactly("p-mentor", "p-mentee");
		assertThat(pair.roleOf("p-mentor")).contains(Role.MENTOR);
		assertThat(pair.roleOf("p-mentee")).contains(Role.MENTEE);
		assertThat(pair.roleOf("p-someone-else")).isEmpty();
		assertThat(pair.roleOf(null)).isEmpty();
		assertThat(pair.partnerOf("p-mentee")).isEqualTo("p-mentor");
		assertThat(pair.hasMember("p-mentor")).isTrue();
		assertThat(pair.hasMember(null)).isFalse();
	}

	@Test
	void aPairEndsOnceAndThenTakesNoMoreWork() {
		Mentorship pair = Pairs.aPair().build();
		Goal goal = pair.addGoal(pair.getMenteeId(), "Grant", null, NOW, 10);

		assertThat(pair.end("COMPLETED", NOW.plusSeconds(60))).isTrue();
		assertThat(pair.end("ENDED_BY_COORDINATOR", NOW.plusSeconds(120))).isFalse();

		assertThat(pair.isActive()).isFalse();
		assertThat(pair.getEndReason()).isEqualTo("COMPLETED");
		assertThat(pair.getEndedAt()).isEqualTo(NOW.plusSeconds(60));
		assertEnded(() -> pair.requireActive());
		assertEnded(() -> pair.addGoal(pair.getMenteeId(), "Another", null, NOW, 10));
		assertEnded(() -> pair.reviseGoal(goal.getId(), "Grant 2", null, null));
		assertEnded(() -> pair.checkIn(goal.getId(), pair.getMenteeId(), 50, null, NOW, 10));
	}

	@Test
	void aPairWhoseStartWasNeverSeenIsKnownFromItsEndAndCanEnd() {
		Mentorship pair = Mentorship.knownFromItsEnd(new MentorshipEnded("mship-1", "prog-1", "org-1", "p-mentor",
				"p-mentee", "COMPLETED", NOW));

		assertThat(pair.members()).containsExactly("p-mentor", "p-mentee");
		assertThat(pair.end("COMPLETED", NOW)).isTrue();
		assertThat(pair.getStatus()).isEqualTo(Mentorship.Status.ENDED);
	}

	@Test
	void aCheckInSetsTheGoalsProgressAndAHundredAchievesIt() {
		Mentorship pair = Pairs.aPair().build();
		Goal goal = pair.addGoal(pair.getMenteeId(), "Grant", "Apply to the fund", NOW, 10);

		pair.checkIn(goal.getId(), pair.getMenteeId(), 40, "Budget drafted", NOW, 10);
		assertThat(goal.getProgress()).isEqualTo(40);
		assertThat(goal.getStatus()).isEqualTo(Goal.Status.OPEN);
		pair.checkIn(goal.getId(), pair.getMentorId(), 100, null, NOW, 10);
		assertThat(goal.getStatus()).isEqualTo(Goal.Status.ACHIEVED);
		pair.checkIn(goal.getId(), pair.getMenteeId(), 90, "Reopened: the fund asked for more", NOW, 10);

		assertThat(goal.getStatus()).isEqualTo(Goal.Status.OPEN);
		assertThat(goal.getCheckIns()).extracting(CheckIn::progress).containsExactly(40, 100, 90);
	}

	@Test
	void aDroppedGoalTakesNoCheckInUntilItIsReopenedAndAnUnknownGoalIsNotFound() {
		Mentorship pair = Pairs.aPair().build();
		Goal goal = pair.addGoal(pair.getMenteeId(), "Grant", null, NOW, 10);
		pair.reviseGoal(goal.getId(), null, null, Goal.Status.DROPPED);

		assertThatThrownBy(() -> pair.checkIn(goal.getId(), pair.getMenteeId(), 10, null, NOW, 10))
			.isInstanceOf(InvalidFieldsException.class);
		pair.reviseGoal(goal.getId(), "Grant, second try", null, Goal.Status.OPEN);
		pair.checkIn(goal.getId(), pair.getMenteeId(), 10, null, NOW, 10);

		assertThat(goal.getTitle()).isEqualTo("Grant, second try");
		assertThat(goal.getProgress()).isEqualTo(10);
		assertThatThrownBy(() -> pair.reviseGoal("goal-unknown", "x", null, null))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> pair.checkIn("goal-unknown", pair.getMenteeId(), 10, null, NOW, 10))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void markingAGoalAchievedSetsItsProgressToAHundred() {
		Mentorship pair = Pairs.aPair().build();
		Goal goal = pair.addGoal(pair.getMenteeId(), "Grant", null, NOW, 10);

		pair.reviseGoal(goal.getId(), null, null, Goal.Status.ACHIEVED);

		assertThat(goal.getProgress()).isEqualTo(100);
	}

	@Test
	void anErasedAuthorsTextsLeaveTheGoalsButTheFiguresStay() {
		Mentorship pair = Pairs.aPair().build();
		Goal hers = pair.addGoal(pair.getMenteeId(), "Grant for Zora's studio", "Her own words", NOW, 10);
		Goal his = pair.addGoal(pair.getMentorId(), "Portfolio", "His words", NOW, 10);
		pair.checkIn(his.getId(), pair.getMenteeId(), 30, "Zora's note", NOW, 10);
		pair.checkIn(his.getId(), pair.getMentorId(), 60, "His note", NOW, 10);

		assertThat(pair.scrubAuthoredBy(pair.getMenteeId())).isEqualTo(2);

		assertThat(hers.getTitle()).isEqualTo(Goal.ERASED_TEXT);
		assertThat(hers.getDescription()).isNull();
		assertThat(his.getTitle()).isEqualTo("Portfolio");
		assertThat(his.getCheckIns()).extracting(CheckIn::note).containsExactly(null, "His note");
		assertThat(his.getCheckIns()).extracting(CheckIn::progress).containsExactly(30, 60);
	}

	private static void assertEnded(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
				e -> assertThat(e.code()).isEqualTo("mentorship-ended"));
	}

}
