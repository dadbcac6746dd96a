package com.kreativnomentorstvo.platform.web;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.testkit.language.ProblemBundle;
import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** The platform's problem texts exist in all six languages, and every key its code names is among them. */
class ProblemTranslationsTests extends ProblemTranslations {

	ProblemTranslationsTests() {
		super(ProblemTexts.PLATFORM_BUNDLE);
	}

	@Test
	void theTestApplicationsOwnTextsAreWordedInEveryLanguage() {
		ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE).assertWordedInEveryLanguage();
	}

}
