package com.kreativnomentorstvo.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.matching.scoring.HardConstraint;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** matching-service's problem texts exist in all six languages, and every key its code names exists. */
class ProblemTranslationsTests extends ProblemTranslations {

	ProblemTranslationsTests() {
		super(ProblemTexts.SERVICE_BUNDLE, ProblemTexts.PLATFORM_BUNDLE);
	}

	/** A pair a hard constraint rules out is named by the constraint's code ({@code pair.blocked.<code>}). */
	@ParameterizedTest
	@EnumSource(HardConstraint.class)
	void everyHardConstraintHasItsText(HardConstraint constraint) {
		assertThat(bundle().keys()).contains("pair.blocked." + constraint.code());
	}

}
