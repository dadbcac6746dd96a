package com.kreativnomentorstvo.participants.certificate;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The certificate's words in one of the six languages ({@code messages/certificate*.properties},
 * UTF-8, MessageFormat), and its dates as that language writes them.
 */
final class CertificateTexts {

	static final String BUNDLE = "messages/certificate";

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final Locale locale;

	private final ResourceBundle bundle;

	CertificateTexts(Locale locale) {
		this.locale = locale;
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
	}

	String text(String key, Object... arguments) {
		return new MessageFormat(bundle.getString(key), locale).format(arguments);
	}

	String date(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	Locale locale() {
		return locale;
	}

}
