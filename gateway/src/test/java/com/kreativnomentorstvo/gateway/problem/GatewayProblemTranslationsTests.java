package com.kreativnomentorstvo.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.testkit.language.ProblemTranslations;

/** The gateway's problem texts exist in all six languages, and every key its code names is among them. */
class GatewayProblemTranslationsTests extends ProblemTranslations {

	GatewayProblemTranslationsTests() {
		super("problems/gateway");
	}

	/** The rate limiter names its scope in the key ({@code too-many-requests.<scope>}). */
	@ParameterizedTest
	@ValueSource(strings = { "address", "client", "organisation" })
	void everyScopeOfARateLimitHasItsText(String scope) {
		assertThat(bundle().keys()).contains("too-many-requests." + scope);
	}

}
