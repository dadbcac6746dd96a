package com.kreativnomentorstvo.participants.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.servlet.LocaleResolver;

import com.kreativnomentorstvo.participants.validation.MessageLocale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language of the pages that the links of account e-mails open: the one the page's person chose
 * (her application's or enrolment's language) if the controller knows it, else a {@code lang}
 * parameter, else the browser's preference, among the platform's six languages.
 */
public final class PageLocale implements LocaleResolver {

	/** The platform's languages; the first is the fallback. */
	static final List<String> SUPPORTED = MessageLocale.SUPPORTED;

	private static final String ATTRIBUTE = PageLocale.class.getName();

	/** Renders the page of this request in the language, if it is one of the platform's. */
	public static void use(HttpServletRequest request, String languageTag) {
		supported(languageTag).ifPresent(locale -> request.setAttribute(ATTRIBUTE, locale));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		Optional<Locale> asked = supported(request.getParameter("lang"));
		if (asked.isPresent()) {
			return asked.get();
		}
		String header = request.getHeader("Accept-Language");
		if (header != null) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
					Optional<Locale> match = supported(range.getRange());
					if (match.isPresent()) {
						return match.get();
					}
				}
			}
			catch (IllegalArgumentException malformed) {
				// an unreadable header is no preference
			}
		}
		return Locale.forLanguageTag(SUPPORTED.get(0));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the page language follows the person or the browser");
	}

	/** The platform's language closest to the tag: {@code sr} alone is Serbian in Latin script. */
	static Optional<Locale> supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String wanted = tag.strip();
		for (String candidate : SUPPORTED) {
			if (candidate.equalsIgnoreCase(wanted)) {
				return Optional.of(Locale.forLanguageTag(candidate));
			}
		}
		String language = Locale.forLanguageTag(wanted).getLanguage();
		if (language.equals("sr")) {
			return Optional.of(Locale.forLanguageTag(
					"Cyrl".equalsIgnoreCase(Locale.forLanguageTag(wanted).getScript()) ? "sr-Cyrl" : "sr-Latn"));
		}
		return SUPPORTED.stream().filter(candidate -> candidate.equals(language)).findFirst().map(Locale::forLanguageTag);
	}

}
