package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.matching.fixture.Profiles;

class GoalCoverageTests {

	private final GoalCoverage rule = new GoalCoverage();

	private final Judgements judgements = Judgements.inWinter();

	private final Profiles mentee = aMentee().skill("digital-tools", 4).skill("fundraising", 1);

	@Test
	void aMentorWithEveryGoalAtTheTopLevelEarnsTheFullPoints() {
		CriterionPoints line = judgements.judge(rule, mentee,
				aMentor().skill("digital-tools", 5).skill("fundraising", 5));

		assertThat(line.points()).isEqualTo(1000);
		assertThat(line.explanation())
			.isEqualTo("the mentor's skills cover 2 of 2 goals; 100% of the most, weighing priorities and levels");
	}

	@Test
	void eachGoalWeighsItsPriorityTimesTheMentorsLevel() {
		// 4 × 3 of 4 × 5 + 1 × 5: 12 of 25
		CriterionPoints line = judgements.judge(rule, mentee, aMentor().skill("digital-tools", 3));

		assertThat(line.points()).isEqualTo(480);
		assertThat(line.explanation()).startsWith("the mentor's skills cover 1 of 2 goals; 48% of the most");
	}

	@Test
	void pointsAreRoundedDownSoThatTheLinesAddUpToTheScore() {
		Profiles threeGoals = aMentee().skill("a", 1).skill("b", 1).skill("c", 1);

		CriterionPoints line = judgements.judge(rule, threeGoals, aMentor().skill("a", 1));

		assertThat(line.points()).isEqualTo(66); // 1000 × 1 / 15 = 66.7
		assertThat(line.explanation()).contains("cover 1 of 3 goals; 6% of the most");
	}

	@Test
	void skillCodesMatchWhateverTheirCaseAndSpaces() {
		CriterionPoints line = judgements.judge(rule, aMentee().skill("Digital-Tools", 3),
				aMentor().skill(" digital-tools", 5));

		assertThat(line.points()).isEqualTo(1000);
	}

	@Test
	void levelsAndPrioritiesOutOfRangeAreBroughtIntoIt() {
		// priority 0 counts as 1, level 9 as 5: full coverage
		CriterionPoints line = judgements.judge(rule, aMentee().skill("digital-tools", 0),
				aMentor().skill("digital-tools", 9));

		assertThat(line.points()).isEqualTo(1000);
	}

	@Test
	void aMenteeWithoutGoalsEarnsNothingAndTheReasonSaysSo() {
		CriterionPoints line = judgements.judge(rule, aMentee(), aMentor().skill("digital-tools", 5));

		assertThat(line.points()).isZero();
		assertThat(line.explanation()).isEqualTo("the mentee stated no goals");
	}

}
