package com.kreativnomentorstvo.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;
import com.kreativnomentorstvo.testkit.language.SourceKeys;

/** notification-service's problem texts exist in all six languages, and every key its code names exists. */
class ProblemTranslationsTests {

	private static final ProblemBundle SERVICE = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	static Stream<Arguments> everyKeyInEveryOtherLanguage() {
		return SERVICE.keysInEveryOtherLanguage();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKeyInEveryOtherLanguage")
	void everyServiceTextIsWordedInEveryLanguage(String key, String language) {
		SERVICE.assertWorded(key, language);
	}

	@Test
	void theEnglishTextsAreWellFormed() {
		SERVICE.assertEnglishWellFormed();
	}

	@Test
	void everyKeyTheCodeNamesIsInTheEnglishBundles() {
		SourceKeys named = SourceKeys.ofMainSources();
		Set<String> known = new TreeSet<>(SERVICE.keys());
		known.addAll(PLATFORM.keys());

		assertThat(named.keys()).isNotEmpty().allSatisfy(key -> assertThat(known).contains(key));
		assertThat(named.resourceKeys()).isNotEmpty().allSatisfy(key -> assertThat(PLATFORM.keys()).contains(key));
	}

	/** The kinds of resource its access checks name through a variable, and the webhook limit's two owners. */
	@Test
	void theTextsItNamesThroughVariablesExist() {
		assertThat(PLATFORM.keys()).contains("resource.inbox", "resource.deliveries", "resource.participant");
		assertThat(SERVICE.keys()).contains("webhook.full.instance", "webhook.full.organisation");
	}

}
