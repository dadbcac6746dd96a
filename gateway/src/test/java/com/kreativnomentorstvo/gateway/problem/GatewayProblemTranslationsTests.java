package com.kreativnomentorstvo.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.testkit.language.ProblemBundle;
import com.kreativnomentorstvo.testkit.language.SourceKeys;

/** The gateway's problem texts exist in all six languages, and every key its code names is among them. */
class GatewayProblemTranslationsTests {

	private static final ProblemBundle GATEWAY = ProblemBundle.of("problems/gateway");

	static Stream<Arguments> everyKeyInEveryOtherLanguage() {
		return GATEWAY.keysInEveryOtherLanguage();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKeyInEveryOtherLanguage")
	void everyGatewayTextIsWordedInEveryLanguage(String key, String language) {
		GATEWAY.assertWorded(key, language);
	}

	@Test
	void theEnglishTextsAreWellFormed() {
		GATEWAY.assertEnglishWellFormed();
	}

	@Test
	void everyKeyTheGatewayCodeNamesIsInTheEnglishBundle() {
		assertThat(SourceKeys.ofMainSources().keys()).isNotEmpty()
			.allSatisfy(key -> assertThat(GATEWAY.keys()).contains(key));
	}

	/** The rate limiter names its scope in the key ({@code too-many-requests.<scope>}). */
	@ParameterizedTest
	@ValueSource(strings = { "address", "client", "organisation" })
	void everyScopeOfARateLimitHasItsText(String scope) {
		assertThat(GATEWAY.keys()).contains("too-many-requests." + scope);
	}

}
