package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.matching.fixture.Profiles;

/** The rules as the scorer composes them: one per criterion, and an explanation made of their judgements. */
class ScoringRulesTests {

	@ParameterizedTest
	@EnumSource(CrossBorder.class)
	void thereIsOneRulePerCriterionInTheOrderOfExplanations(CrossBorder stance) {
		List<ScoringRule<?>> rules = Scorer.rules(new ScoringPolicy(Map.of(), stance, true));

		assertThat(rules).extracting(ScoringRule::criterion).containsExactly(Criterion.values());
	}

	@Test
	void aRuleWithoutWeightGivesNothingButStillSaysWhy() {
		Judgements judgements = Judgements.inWinter();
		Profiles mentor = aMentor().skill("digital-tools", 5).in("SI", null).available(DayOfWeek.MONDAY, "10:00", "12:00");
		Profiles mentee = aMentee().skill("digital-tools", 5).prefers(mentor.id()).available(DayOfWeek.MONDAY, "10:00",
				"12:00");

		for (ScoringRule<?> rule : Scorer.rules(new ScoringPolicy(Map.of(), CrossBorder.PREFER, true))) {
			CriterionPoints line = judgements.judge(rule, mentee, mentor, 0);

			assertThat(line.points()).as(rule.criterion().code()).isZero();
			assertThat(line.explanation()).as(rule.criterion().code()).isNotBlank();
		}
	}

	@Test
	void theScorersExplanationIsItsRulesJudgements() {
		ScoringPolicy policy = new ScoringPolicy(Map.of(Criterion.GOALS, 60, Criterion.PREFERENCES, 5),
				CrossBorder.AVOID, true);
		Scorer scorer = new Scorer(policy, Judgements.WINTER, null);
		Candidate mentee = scorer.candidate(aMentee().skill("fundraising", 3).in("HR", null).profile());
		Candidate mentor = scorer.candidate(aMentor().skill("fundraising", 4).in("HR", null).profile());
		int[] max = scorer.maxPoints();

		Explanation explanation = scorer.explain(mentee, mentor);

		List<ScoringRule<?>> rules = Scorer.rules(policy);
		for (Criterion criterion : Criterion.values()) {
			assertThat(explanation.contributions().get(criterion.ordinal()))
				.isEqualTo(rules.get(criterion.ordinal()).judge(mentee, mentor, max[criterion.ordinal()]));
		}
		assertThat(scorer.score(mentee, mentor)).isEqualTo(explanation.score()).isPositive();
	}

}
