package com.kreativnomentorstvo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.testkit.language.ProblemBundle;
import com.kreativnomentorstvo.testkit.language.SourceKeys;

/** The platform's problem texts exist in all six languages, and every key its code names is among them. */
class ProblemTranslationsTests {

	private static final ProblemBundle PLATFORM = ProblemBundle.of(ProblemTexts.PLATFORM_BUNDLE);

	static Stream<Arguments> everyKeyInEveryOtherLanguage() {
		return PLATFORM.keysInEveryOtherLanguage();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKeyInEveryOtherLanguage")
	void everyPlatformTextIsWordedInEveryLanguage(String key, String language) {
		PLATFORM.assertWorded(key, language);
	}

	@Test
	void theEnglishTextsAreWellFormed() {
		PLATFORM.assertEnglishWellFormed();
	}

	@Test
	void everyKeyThePlatformCodeNamesIsInTheEnglishBundle() {
		SourceKeys named = SourceKeys.ofMainSources();

		assertThat(named.keys()).isNotEmpty().allSatisfy(key -> assertThat(PLATFORM.keys()).contains(key));
	}

	@Test
	void theTestApplicationsOwnTextsAreWordedInEveryLanguage() {
		ProblemBundle service = ProblemBundle.of(ProblemTexts.SERVICE_BUNDLE);

		service.keysInEveryOtherLanguage().forEach(each -> service.assertWorded((String) each.get()[0],
				(String) each.get()[1]));
	}

}
