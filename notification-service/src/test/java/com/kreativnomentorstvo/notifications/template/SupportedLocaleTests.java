package com.kreativnomentorstvo.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportedLocaleTests {

	@Test
	void serbianTagsChooseTheScript() {
		assertThat(SupportedLocale.of("sr-Latn")).contains(SupportedLocale.SR_LATN);
		assertThat(SupportedLocale.of("sr-Latn-RS")).contains(SupportedLocale.SR_LATN);
		assertThat(SupportedLocale.of("sr_Latn_RS")).contains(SupportedLocale.SR_LATN); // Java-style separators
		assertThat(SupportedLocale.of("sr-Cyrl")).contains(SupportedLocale.SR_CYRL);
		assertThat(SupportedLocale.of("sr-RS")).contains(SupportedLocale.SR_CYRL);
		assertThat(SupportedLocale.of("sr")).contains(SupportedLocale.SR_CYRL);
	}

	@Test
	void regionalVariantsOfTheOtherLanguagesAreAccepted() {
		assertThat(SupportedLocale.of("hr-HR")).contains(SupportedLocale.HR);
		assertThat(SupportedLocale.of("mk-MK")).contains(SupportedLocale.MK);
		assertThat(SupportedLocale.of("sl-SI")).contains(SupportedLocale.SL);
		assertThat(SupportedLocale.of("en-GB")).contains(SupportedLocale.EN);
	}

	@Test
	void unknownOrMissingLanguagesFallBackToEnglish() {
		assertThat(SupportedLocale.of("de")).isEmpty();
		assertThat(SupportedLocale.of("not a tag")).isEmpty();
		assertThat(SupportedLocale.firstOf(null, "de", "hr")).isEqualTo(SupportedLocale.HR);
		assertThat(SupportedLocale.firstOf(null, "")).isEqualTo(SupportedLocale.EN);
	}

}
