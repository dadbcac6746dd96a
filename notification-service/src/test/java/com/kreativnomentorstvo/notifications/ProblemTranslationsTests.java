package com.kreativnomentorstvo.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** notification-service's problem texts exist in all six languages, and every key its code names exists. */
class ProblemTranslationsTests extends ProblemTranslations {

	ProblemTranslationsTests() {
		super(ProblemTexts.SERVICE_BUNDLE, ProblemTexts.PLATFORM_BUNDLE);
	}

	/** The kinds of resource its access checks name through a variable, and the webhook limit's two owners. */
	@Test
	void theTextsItNamesThroughVariablesExist() {
		assertThat(platformBundle().keys()).contains("resource.inbox", "resource.deliveries", "resource.participant");
		assertThat(bundle().keys()).contains("webhook.full.instance", "webhook.full.organisation");
	}

}
