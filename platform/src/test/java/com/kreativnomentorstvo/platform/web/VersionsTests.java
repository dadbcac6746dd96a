package com.kreativnomentorstvo.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTests {

	@Test
	void theCurrentVersionMatchesQuotedUnquotedOrAsAnyOfSeveral() {
		assertThatCode(() -> Versions.requireMatch("\"3\"", 3L, "participant")).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("3", 3L, "participant")).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("\"1\", \"3\"", 3L, "participant")).doesNotThrowAnyException();
		assertThatCode(() -> Versions.requireMatch("*", 3L, "participant")).doesNotThrowAnyException();
	}

	@Test
	void anOlderVersionIsAPreconditionFailure() {
		assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3L, "participant"))
			.isInstanceOf(PreconditionFailedException.class)
			.hasMessageContaining("\"3\"");
		assertThatThrownBy(() -> Versions.requireMatch("W/\"3\"", 3L, "participant"))
			.as("a weak tag never matches strongly").isInstanceOf(PreconditionFailedException.class);
	}

	@Test
	void aMissingIfMatchIsRequiredForChangesButOptionalForActions() {
		assertThatThrownBy(() -> Versions.requireMatch(null, 0L, "programme")).isInstanceOf(PreconditionRequiredException.class);
		assertThatCode(() -> Versions.checkMatch(null, 0L, "programme")).doesNotThrowAnyException();
	}

}
