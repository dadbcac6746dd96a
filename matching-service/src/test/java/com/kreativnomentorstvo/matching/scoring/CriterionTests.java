package com.kreativnomentorstvo.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.events.participants.MatchingCriterion;

/** The contract with participant-service: what a programme's policy may weigh is what is scored here. */
class CriterionTests {

	@Test
	void everyPublishedCriterionIsScoredOnceInItsOrderAndNothingElse() {
		assertThat(Arrays.stream(Criterion.values()).map(Criterion::published))
			.containsExactly(MatchingCriterion.values());
		for (Criterion criterion : Criterion.values()) {
			assertThat(Criterion.ofCode(criterion.published().code())).contains(criterion);
			assertThat(criterion.defaultWeight()).isEqualTo(criterion.published().defaultWeight());
		}
	}

	@Test
	void theDefaultPolicyWeighsEachCriterionAsPublished() {
		assertThat(ScoringPolicy.defaults().weightsByCode()).isEqualTo(MatchingCriterion.defaults());
	}

}
