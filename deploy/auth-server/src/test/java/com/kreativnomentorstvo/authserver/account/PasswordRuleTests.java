package com.kreativnomentorstvo.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTests {

	@Test
	void eightCharactersAreEnough() {
		assertThat(PasswordRule.violation("12345678")).isEmpty();
		assertThat(PasswordRule.violation("ćčžšđćčž")).isEmpty();
	}

	@Test
	void aBlankOrShortPasswordIsRefused() {
		assertThat(PasswordRule.violation(null)).hasValue("is required");
		assertThat(PasswordRule.violation("        ")).hasValue("is required");
		assertThat(PasswordRule.violation("1234567")).hasValue("must have at least 8 characters");
	}

	@Test
	void moreThanBcryptReadsIsRefusedRatherThanCutOff() {
		assertThat(PasswordRule.violation("a".repeat(72))).isEmpty();
		assertThat(PasswordRule.violation("a".repeat(73))).hasValue("must not be longer than 72 bytes");
		// 37 characters of two bytes each
		assertThat(PasswordRule.violation("č".repeat(37))).hasValue("must not be longer than 72 bytes");
	}

}
