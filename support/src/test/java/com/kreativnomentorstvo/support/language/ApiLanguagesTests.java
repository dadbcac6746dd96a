package com.kreativnomentorstvo.support.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The six languages' tags, as services list them in a refusal ({@code titles.de}: is not one of ...). */
class ApiLanguagesTests {

	@Test
	void theTagsAreTheSixLanguagesInTheirOrder() {
		assertThat(ApiLanguages.TAGS).containsExactly("en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl");
	}

}
