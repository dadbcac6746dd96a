package com.kreativnomentorstvo.matching.scoring;

import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentee;
import static com.kreativnomentorstvo.matching.fixture.Profiles.aMentor;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossBorderStanceTests {

	private final Judgements judgements = Judgements.inWinter();

	@Test
	void preferringCrossBorderPairsRewardsDifferentCountries() {
		CrossBorderStance rule = new CrossBorderStance(CrossBorder.PREFER);

		CriterionPoints abroad = judgements.judge(rule, aMentee().in("RS", "Beograd"), aMentor().in("SI", "Ljubljana"));
		CriterionPoints home = judgements.judge(rule, aMentee().in("RS", "Beograd"), aMentor().in("RS", "Novi Sad"));

		assertThat(abroad.points()).isEqualTo(1000);
		assertThat(abroad.explanation()).isEqualTo("from RS and SI; the programme prefers cross-border pairs");
		assertThat(home.points()).isZero();
		assertThat(home.explanation()).isEqualTo("both in RS; the programme prefers cross-border pairs");
	}

	@Test
	void avoidingCrossBorderPairsRewardsOneCountry() {
		CrossBorderStance rule = new CrossBorderStance(CrossBorder.AVOID);

		CriterionPoints abroad = judgements.judge(rule, aMentee().in("RS", null), aMentor().in("MK", null));
		CriterionPoints home = judgements.judge(rule, aMentee().in("RS", null), aMentor().in("RS", null));

		assertThat(abroad.points()).isZero();
		assertThat(home.points()).isEqualTo(1000);
		assertThat(home.explanation()).isEqualTo("both in RS; the programme prefers pairs from one country");
	}

	@Test
	void aNeutralProgrammeGivesNothingEitherWay() {
		CrossBorderStance rule = new CrossBorderStance(CrossBorder.NEUTRAL);

		CriterionPoints abroad = judgements.judge(rule, aMentee().in("HR", null), aMentor().in("SI", null));
		CriterionPoints home = judgements.judge(rule, aMentee().in("HR", null), aMentor().in("HR", null));

		assertThat(abroad.points()).isZero();
		assertThat(home.points()).isZero();
		assertThat(abroad.explanation()).isEqualTo("from HR and SI; the programme has no preference about borders");
	}

	@Test
	void countriesCompareWhateverTheirCaseAndSpaces() {
		CriterionPoints line = judgements.judge(new CrossBorderStance(CrossBorder.AVOID), aMentee().in("rs", null),
				aMentor().in(" RS ", null));

		assertThat(line.points()).isEqualTo(1000);
		assertThat(line.explanation()).startsWith("both in RS;");
	}

	@Test
	void whoeverStatedNoCountryIsNamedAndThePairEarnsNothing() {
		CrossBorderStance rule = new CrossBorderStance(CrossBorder.PREFER);

		CriterionPoints menteeSilent = judgements.judge(rule, aMentee().in(null, null), aMentor().in("SI", null));
		CriterionPoints mentorSilent = judgements.judge(rule, aMentee().in("RS", null), aMentor().in(" ", null));

		assertThat(menteeSilent.points()).isZero();
		assertThat(menteeSilent.explanation())
			.isEqualTo("the mentee stated no country; the programme prefers cross-border pairs");
		assertThat(mentorSilent.points()).isZero();
		assertThat(mentorSilent.explanation()).startsWith("the mentor stated no country;");
	}

}
