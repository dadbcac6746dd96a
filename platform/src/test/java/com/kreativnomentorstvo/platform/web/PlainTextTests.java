package com.kreativnomentorstvo.platform.web;

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

/** Typed text keeps to what a calendar file, an e-mail header and a webhook can carry safely. */
class PlainTextTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	record Sample(@PlainText String line, @PlainText(multiline = true) String text,
			@PlainText(allowBlank = true) String optional) {
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
			line     | Ana Petrović                 | true
			line     | Јована Николић               | true
			line     | 'family 👩‍👩‍👧 emoji'           | true
			line     | '   '                        | false
			line     | ''                           | false
			line     | 'first\\nsecond'              | false
			line     | 'venue\\r\\nLOCATION:elsewhere' | false
			line     | 'tab\\tinside'                | false
			line     | 'right-to-left\\u202Eoverride' | false
			line     | 'line\\u2028separator'        | false
			line     | 'bell\\u0007'                 | false
			text     | 'first\\nsecond'              | true
			text     | 'first\\r\\nsecond\\tthird'     | true
			text     | 'lone\\rcarriage return'      | false
			text     | 'ends with\\r'                | false
			text     | '   '                        | false
			optional | ''                           | true
			optional | '   '                        | true
			optional | 'a\\nb'                       | false
			""")
	void acceptsTypedTextAndRefusesWhatCouldBreakLines(String field, String escaped, boolean valid) {
		String value = unescape(escaped);
		Sample sample = switch (field) {
			case "line" -> new Sample(value, null, null);
			case "text" -> new Sample(null, value, null);
			case "optional" -> new Sample(null, null, value);
			default -> throw new IllegalArgumentException(field);
		};

		Set<ConstraintViolation<Sample>> violations = validator.validate(sample);

		assertThat(violations.isEmpty()).as(violations.toString()).isEqualTo(valid);
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char next = text.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

}
