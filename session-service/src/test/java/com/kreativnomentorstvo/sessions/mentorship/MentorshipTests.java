package com.kreativnomentorstvo.sessions.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.platform.web.LimitReached;

/** A pair's goals and check-ins, and how many it may hold. */
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

}
