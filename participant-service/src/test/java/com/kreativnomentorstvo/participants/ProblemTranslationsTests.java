package com.kreativnomentorstvo.participants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.kreativnomentorstvo.participants.account.LinkRefused;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** participant-service's problem texts exist in all six languages, and every key its code names exists. */
class ProblemTranslationsTests extends ProblemTranslations {

	ProblemTranslationsTests() {
		super(ProblemTexts.SERVICE_BUNDLE, ProblemTexts.PLATFORM_BUNDLE);
	}

	/** A refused e-mail link names its reason in the key ({@code account.link-<reason>}). */
	@ParameterizedTest
	@EnumSource(LinkRefused.Reason.class)
	void everyReasonALinkIsRefusedForHasItsText(LinkRefused.Reason reason) {
		assertThat(bundle().keys()).contains(reason.text().key());
	}

}
