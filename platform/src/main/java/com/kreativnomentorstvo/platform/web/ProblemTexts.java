package com.kreativnomentorstvo.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Words problem details in one of the API's languages, from the service's own bundle
 * ({@code problems/service}) and then the platform's ({@code problems/platform}): UTF-8
 * {@code .properties}, English in the root file, one file per other language ({@code _sr_Latn},
 * {@code _sr_Cyrl}, {@code _hr}, {@code _mk}, {@code _sl}), MessageFormat throughout (so an
 * apostrophe is written {@code ''}).
 */
public final class ProblemTexts {

	/** The bundle every service may add, with the texts of its own rules. */
	public static final String SERVICE_BUNDLE = "problems/service";

	/** The platform's bundle: titles and the texts of the problems every service shares. */
	public static final String PLATFORM_BUNDLE = "problems/platform";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	ProblemTexts() {
		messages.setBasenames(SERVICE_BUNDLE, PLATFORM_BUNDLE);
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		// a language without a bundle is answered in English, never in the server's own language
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
	}

	/** A problem with its title and detail worded in the language. */
	public ProblemDetail problem(HttpStatusCode status, String code, ProblemText title, ProblemText detail,
			Locale locale) {
		return Problems.of(status, code, word(title, locale), word(detail, locale));
	}

	/** A problem naming the fields at fault under {@code errors}, each message worded in the language. */
	public ProblemDetail problem(HttpStatusCode status, String code, ProblemText title,
			List<InvalidFieldsException.FieldProblem> fields, Locale locale) {
		List<Map<String, String>> worded = fields.stream()
			.map(field -> Problems.worded(field.field(), word(field.text(), locale)))
			.toList();
		return Problems.ofWordedFields(status, code, word(title, locale), worded);
	}

	/** The text in the language; if no bundle has it, its fallback, else its key (a test keeps that from happening). */
	public String word(ProblemText text, Locale locale) {
		if (text.key() == null) {
			return text.fallback();
		}
		try {
			return messages.getMessage(text, locale);
		}
		catch (NoSuchMessageException missing) {
			return text.fallback() != null ? text.fallback() : text.key();
		}
	}

	/** The bundles as a message source, for Spring's own problem details ({@code ErrorResponse} codes). */
	MessageSource messageSource() {
		return messages;
	}

}
