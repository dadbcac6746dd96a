package com.kreativnomentorstvo.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.kreativnomentorstvo.matching.scoring.HardConstraint;
import com.kreativnomentorstvo.platform.web.ProblemTexts;
import com.kreativnomentorstvo.testkit.language.ProblemBundle;
import com.kreativnomentorstvo.testkit.language.SourceKeys;

/** matching-service's problem texts exist in all six languages, and every key its code names exists. */
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

	/** A pair a hard constraint rules out is named by the constraint's code ({@code pair.blocked.<code>}). */
	@ParameterizedTest
	@EnumSource(HardConstraint.class)
	void everyHardConstraintHasItsText(HardConstraint constraint) {
		assertThat(SERVICE.keys()).contains("pair.blocked." + constraint.code());
	}

}
