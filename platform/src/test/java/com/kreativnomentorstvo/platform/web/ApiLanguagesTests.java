package com.kreativnomentorstvo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

/** Which of the six languages a request's {@code Accept-Language} gets. */
class ApiLanguagesTests {

	private final LocaleResolver resolver = new WebAutoConfiguration().localeResolver();

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			none                       | en
			en                         | en
			sr-Latn                    | sr-Latn
			sr-Cyrl                    | sr-Cyrl
			sr                         | sr-Latn
			sr-RS                      | sr-Latn
			hr                         | hr
			hr-HR                      | hr
			mk                         | mk
			sl-SI                      | sl
			de                         | en
			de, mk;q=0.8, en;q=0.5     | mk
			hr;q=0.3, sl;q=0.9, en;q=0.1 | sl
			fr-FR, fr;q=0.9            | en
			sr-RS, sr;q=0.9, en;q=0.8  | sr-Latn
			sr-Cyrl-RS, en;q=0.5       | sr-Cyrl
			hr-HR, sl;q=0.5            | hr
			mk;q=0, sl;q=0.4           | sl
			not a header;;;            | en
			""")
	void theFirstOfTheSixLanguagesTheCallerPrefersElseEnglish(String acceptLanguage, String expected) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/anything");
		if (acceptLanguage != null) {
			request.addHeader("Accept-Language", acceptLanguage);
		}

		assertThat(resolver.resolveLocale(request).toLanguageTag()).isEqualTo(expected);
	}

}
