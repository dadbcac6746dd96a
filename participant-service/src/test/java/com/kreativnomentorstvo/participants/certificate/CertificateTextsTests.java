package com.kreativnomentorstvo.participants.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.kreativnomentorstvo.events.participants.Role;

/** The certificate's words exist in each of the six languages, key for key, and are not English copies. */
class CertificateTextsTests {

	@ParameterizedTest
	@ValueSource(strings = { "sr_Latn", "sr_Cyrl", "hr", "mk", "sl" })
	void everyKeyExistsInEveryLanguage(String suffix) throws IOException {
		Properties english = load("");
		Properties translated = load("_" + suffix);

		assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		assertThat(translated.getProperty("title")).isNotEqualTo(english.getProperty("title"));
		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(translated.getProperty(key))).as(suffix + " " + key)
				.isEqualTo(placeholders(english.getProperty(key)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "sr-Latn", "sr-Cyrl", "hr", "mk", "sl" })
	void eachLanguageWordsEveryRole(String language) {
		CertificateTexts texts = new CertificateTexts(Locale.forLanguageTag(language));
		for (Role role : Role.values()) {
			assertThat(texts.text("took-part." + role.name())).isNotBlank();
		}
		assertThat(texts.text("code", "K7QM-3XPD-9WAB")).contains("K7QM-3XPD-9WAB");
	}

	private static Set<String> placeholders(String text) {
		return Set.copyOf(java.util.regex.Pattern.compile("\\{\\d}").matcher(text).results().map(m -> m.group()).toList());
	}

	private static Properties load(String suffix) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = CertificateTextsTests.class.getResourceAsStream("/" + CertificateTexts.BUNDLE + suffix + ".properties")) {
			assertThat(in).as(suffix).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
