package com.kreativnomentorstvo.participants.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import com.kreativnomentorstvo.platform.web.PlainText;

/** The service's own constraints accept what the region uses and refuse look-alikes. */
class ConstraintsTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	record Sample(@ResourceId String id, @CountryCode String country, @TimeZoneId String timeZone,
			@LanguageTag String language, @MessageLocale String locale, @Code String code, @PlainText String name,
			@EmailAddress String email) {
	}

	@BeforeAll
	static void start() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void stop() {
		factory.close();
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			id       | p-demo-mentor-1            | true
			id       | org-creative-mentorship | true
			id       | prog-reg-lab-2027       | true
			id       | P-Mentor                | false
			id       | p--double               | false
			id       | -leading                | false
			id       | x                       | false
			country  | RS                      | true
			country  | XK                      | true
			country  | rs                      | false
			country  | YU                      | false
			timeZone | Europe/Belgrade         | true
			timeZone | UTC                     | true
			timeZone | CET                     | false
			timeZone | Europe/Atlantis         | false
			language | sr-Latn                 | true
			language | sr-Cyrl                 | true
			language | mk                      | true
			language | sr-latn                 | false
			language | xx                      | false
			locale   | sl                      | true
			locale   | sr                      | false
			code     | digital-tools           | true
			code     | Digital Tools           | false
			name     | Ana Petrović            | true
			name     | Јована Николић          | true
			name     | '   '                   | false
			email    | ana@example.org         | true
			email    | ana@localhost           | false
			email    | ana example@x.org       | false
			""")
	void acceptsWhatItShouldAndNothingElse(String field, String value, boolean valid) {
		Sample sample = switch (field) {
			case "id" -> new Sample(value, null, null, null, null, null, null, null);
			case "country" -> new Sample(null, value, null, null, null, null, null, null);
			case "timeZone" -> new Sample(null, null, value, null, null, null, null, null);
			case "language" -> new Sample(null, null, null, value, null, null, null, null);
			case "locale" -> new Sample(null, null, null, null, value, null, null, null);
			case "code" -> new Sample(null, null, null, null, null, value, null, null);
			case "name" -> new Sample(null, null, null, null, null, null, value, null);
			case "email" -> new Sample(null, null, null, null, null, null, null, value);
			default -> throw new IllegalArgumentException(field);
		};

		Set<ConstraintViolation<Sample>> violations = validator.validate(sample);

		assertThat(violations.isEmpty()).as(violations.toString()).isEqualTo(valid);
	}

}
