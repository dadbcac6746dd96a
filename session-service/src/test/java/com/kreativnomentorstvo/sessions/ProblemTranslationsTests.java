package com.kreativnomentorstvo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** session-service's problem texts exist in all six languages, and every key its code names exists. */
class ProblemTranslationsTests extends ProblemTranslations {

	ProblemTranslationsTests() {
		super(ProblemTexts.SERVICE_BUNDLE, ProblemTexts.PLATFORM_BUNDLE);
	}

	/** The overlap and the full calendar name whose time it is ({@code session.overlap.<party>}). */
	@ParameterizedTest
	@ValueSource(strings = { "mentor", "mentee" })
	void bothPartiesOfASessionHaveTheirTexts(String party) {
		assertThat(bundle().keys()).contains("session.overlap." + party, "session.full." + party);
	}

	/** The kinds of resource session-service's 404s name that are not literals in its code. */
	@Test
	void theResourcesItsAccessChecksNameAreWorded() {
		assertThat(platformBundle().keys()).contains("resource.mentorship", "resource.session");
	}

}
