package com.kreativnomentorstvo.participants.certificate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.kreativnomentorstvo.support.language.ApiLanguages;
import com.kreativnomentorstvo.support.language.SerbianScript;

/**
 * Which of the six languages a certificate is written in, and its programme's name in it. The
 * request may ask for one ({@code ?lang=}, else an {@code Accept-Language} range that names one of
 * the six); otherwise the person's own preferred language; English if she has none.
 */
final class CertificateLanguage {

	private CertificateLanguage() {
	}

	/**
	 * @param lang the {@code lang} parameter, already checked to be one of the six (or {@code null})
	 * @param acceptLanguage the request's header (or {@code null})
	 * @param preferred her preferred language's tag (or {@code null})
	 */
	static Locale of(String lang, String acceptLanguage, String preferred) {
		if (lang != null) {
			return Locale.forLanguageTag(lang);
		}
		return asked(acceptLanguage)
			.or(() -> Optional.ofNullable(preferred).flatMap(ApiLanguages::supported))
			.orElse(ApiLanguages.FALLBACK);
	}

	/** The first range by quality of the header that names one of the six, if any does. */
	static Optional<Locale> asked(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Optional.empty();
		}
		try {
			return Locale.LanguageRange.parse(acceptLanguage)
				.stream()
				.filter(range -> range.getWeight() > 0 && !range.getRange().equals("*"))
				.map(range -> ApiLanguages.supported(range.getRange()))
				.flatMap(Optional::stream)
				.findFirst();
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	/**
	 * A name written in several languages (a programme's) for the reader: the one in her language, a
	 * Serbian Latin one in Cyrillic for a Cyrillic reader, else the name for every language.
	 */
	static String name(Locale reader, String everyLanguage, Map<String, String> byLanguage) {
		String tag = reader.toLanguageTag();
		if (byLanguage.containsKey(tag)) {
			return byLanguage.get(tag);
		}
		if (tag.equals("sr-Cyrl") && byLanguage.containsKey("sr-Latn")) {
			return SerbianScript.toCyrillic(byLanguage.get("sr-Latn"));
		}
		return everyLanguage;
	}

}
