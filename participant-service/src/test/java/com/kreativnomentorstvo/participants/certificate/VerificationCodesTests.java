package com.kreativnomentorstvo.participants.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Codes that cannot be guessed and read well; the language and the programme's name a reader gets. */
class VerificationCodesTests {

	@Test
	void codesAreTwelveReadableRandomCharactersInThreeGroups() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = VerificationCodes.next();
			assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
			codes.add(code);
		}
		assertThat(codes).as("no two alike").hasSize(10_000);
		assertThat(VerificationCodes.normalised(" k7qm-3xpd-9wab ")).isEqualTo("K7QM-3XPD-9WAB");
		assertThat(VerificationCodes.isWellFormed("K7QM-3XPD-9WA0")).as("0 is not in the alphabet").isFalse();
	}

	@Test
	void theLanguageAskedComesBeforeHerPreferredOne() {
		assertThat(CertificateLanguage.of("mk", "hr", "sl")).isEqualTo(Locale.forLanguageTag("mk"));
		assertThat(CertificateLanguage.of(null, "de, hr;q=0.5", "sl")).isEqualTo(Locale.forLanguageTag("hr"));
		assertThat(CertificateLanguage.of(null, "de", "sr-Cyrl")).isEqualTo(Locale.forLanguageTag("sr-Cyrl"));
		assertThat(CertificateLanguage.of(null, null, null)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aProgrammesNameIsTheReadersOrASerbianLatinOneInCyrillic() {
		Map<String, String> names = Map.of("sr-Latn", "Džez i njegove ljubavi", "hr", "Jazz");
		assertThat(CertificateLanguage.name(Locale.forLanguageTag("sr-Cyrl"), "Jazz Lab", names))
			.isEqualTo("Џез и његове љубави");
		assertThat(CertificateLanguage.name(Locale.forLanguageTag("hr"), "Jazz Lab", names)).isEqualTo("Jazz");
		assertThat(CertificateLanguage.name(Locale.forLanguageTag("mk"), "Jazz Lab", names)).isEqualTo("Jazz Lab");
	}

}
